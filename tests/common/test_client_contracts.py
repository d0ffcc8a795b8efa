"""The services call only what accounts and catalog publish, in the shapes they publish.

Every call of the typed clients (common/clients/) is declared as an ``Operation`` (method, path
template, request and response dataclasses, error bodies read). Here each declaration is checked
against the target's committed openapi.yaml: the operation exists at that path and method, every
field the request dataclass sends is a property of the request body and every required property
is sent (an optional field is left out when None, so it must not be required), every field the
response dataclasses read is a property of the documented response (required unless the
dataclass has a default), and the types agree. A status read as a ``StrEnum`` has exactly the
schema's values (every value decodes, no member is dead); the codes named by
``Annotated[str, SomeEnum]`` are each one of the schema's. A change on either side that breaks
the contract fails this test, not production. tests/orders/test_contract.py checks that every
request orders puts on the wire is one of these declarations.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import re
import types
import typing
import uuid
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, get_args, get_origin, get_type_hints

import pytest
import yaml

from common.clients import accounts, catalog
from common.clients.base import Operation, from_json, to_json
from devtools.devstack import REPO_ROOT

OPERATIONS = (*accounts.OPERATIONS, *catalog.OPERATIONS)


@cache
def schema(service: str) -> dict[str, Any]:
    return dict(yaml.safe_load((REPO_ROOT / f"{service}_service" / "openapi.yaml").read_text()))


def resolve(service: str, node: dict[str, Any]) -> dict[str, Any]:
    """Follow $ref and single-entry allOf (drf-spectacular wraps refs with a description so)."""
    while True:
        if "$ref" in node:
            name = node["$ref"].removeprefix("#/components/schemas/")
            node = {**schema(service)["components"]["schemas"][name], **{k: v for k, v in node.items() if k != "$ref"}}
        elif "allOf" in node and len(node["allOf"]) == 1:
            node = {**resolve(service, node["allOf"][0]), **{k: v for k, v in node.items() if k != "allOf"}}
        else:
            return node


def operation_of(declared: Operation) -> dict[str, Any]:
    paths = schema(declared.service)["paths"]
    assert declared.path in paths, f"{declared.service} publishes no path {declared.path}"
    operation = paths[declared.path].get(declared.method.lower())
    assert operation is not None, f"{declared.service} publishes no {declared.method} {declared.path}"
    return dict(operation)


def json_schema(service: str, holder: dict[str, Any]) -> dict[str, Any]:
    content = holder.get("content", {})
    assert "application/json" in content, f"no JSON body in {holder}"
    return resolve(service, content["application/json"]["schema"])


def check_dataclass(service: str, cls: type[Any], node: dict[str, Any], *, sent: bool, where: str) -> list[str]:
    """Mismatches between a dataclass and an object schema."""
    problems: list[str] = []
    node = resolve(service, node)
    if node.get("type") != "object":
        return [f"{where}: {cls.__name__} is an object, the schema says {node.get('type')}"]
    properties = node.get("properties", {})
    required = set(node.get("required", []))
    hints = get_type_hints(cls, include_extras=True)
    fields = {field.name: field for field in dataclasses.fields(cls)}
    for name, field in fields.items():
        if name not in properties:
            problems.append(f"{where}.{name}: not in the schema")
            continue
        has_default = field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
        if not sent and not has_default and name not in required:
            problems.append(f"{where}.{name}: read as always there, but the schema does not require it")
        if sent and field.default is None and name in required:
            problems.append(f"{where}.{name}: left out when None, but the schema requires it")
        problems += check_type(service, hints[name], properties[name], sent=sent, where=f"{where}.{name}")
    if sent:
        problems += [f"{where}.{name}: required by the schema, never sent" for name in required - set(fields)]
    return problems


def check_type(service: str, kind: Any, node: dict[str, Any], *, sent: bool, where: str) -> list[str]:  # noqa: PLR0911
    node = resolve(service, node)
    origin = get_origin(kind)
    if origin is Annotated:
        base, *names = get_args(kind)
        problems = check_type(service, base, node, sent=sent, where=where)
        for named in names:
            unknown = {member.value for member in named} - set(node.get("enum", ()))
            problems += [f"{where}: {named.__name__} names {value!r}, not in the schema" for value in sorted(unknown)]
        return problems
    if isinstance(kind, type) and issubclass(kind, enum.StrEnum):
        return check_enum(kind, node, sent=sent, where=where)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [option for option in get_args(kind) if option is not type(None)]
        return check_type(service, inner, node, sent=sent, where=where)
    if not sent and node.get("nullable") and type(None) not in get_args(kind):
        return [f"{where}: nullable in the schema, not Optional in the dataclass"]
    if origin is tuple:
        if node.get("type") != "array":
            return [f"{where}: a list here, {node.get('type')} in the schema"]
        return check_type(service, get_args(kind)[0], node["items"], sent=sent, where=f"{where}[]")
    if dataclasses.is_dataclass(kind):
        return check_dataclass(service, typing.cast(type[Any], kind), node, sent=sent, where=where)
    expected: dict[Any, tuple[str, str | None]] = {
        str: ("string", None),
        int: ("integer", None),
        bool: ("boolean", None),
        Decimal: ("string", "decimal"),
        uuid.UUID: ("string", "uuid"),
        datetime.datetime: ("string", "date-time"),
    }
    json_type, json_format = expected[kind]
    if node.get("type") != json_type:
        return [f"{where}: {kind.__name__} here, {node.get('type')} in the schema"]
    if json_format is not None and node.get("format") != json_format:
        return [f"{where}: {json_format} here, format {node.get('format')} in the schema"]
    return []


def check_enum(kind: type[enum.StrEnum], node: dict[str, Any], *, sent: bool, where: str) -> list[str]:
    if node.get("type") != "string" or "enum" not in node:
        return [f"{where}: {kind.__name__} here, no string enum in the schema"]
    members, published = {member.value for member in kind}, set(node["enum"])
    problems = [f"{where}: {kind.__name__}.{value!r} is not in the schema" for value in sorted(members - published)]
    if not sent:
        # Every value the downstream may answer must decode; a new one is a change to handle.
        problems += [
            f"{where}: the schema's {value!r} is not in {kind.__name__}" for value in sorted(published - members)
        ]
    return problems


@pytest.mark.parametrize("declared", OPERATIONS, ids=lambda op: f"{op.service}.{op.operation_id}")
def test_each_call_is_a_published_operation_in_the_published_shapes(declared: Operation) -> None:
    operation = operation_of(declared)
    assert operation["operationId"] == declared.operation_id
    problems: list[str] = []
    if declared.request is not None:
        assert "requestBody" in operation, f"{declared.operation_id} takes no body"
        body = json_schema(declared.service, operation["requestBody"])
        problems += check_dataclass(declared.service, declared.request, body, sent=True, where="request")
    else:
        assert not operation.get("requestBody", {}).get("required"), f"{declared.operation_id} needs a body"
    successes = {code: answer for code, answer in operation["responses"].items() if code.startswith("2")}
    assert successes, f"{declared.operation_id} documents no success"
    assert declared.response is not None
    for code, answer in successes.items():
        problems += check_dataclass(
            declared.service, declared.response, json_schema(declared.service, answer), sent=False, where=code
        )
    for status, error_cls in declared.errors:
        assert str(status) in operation["responses"], f"{declared.operation_id} documents no {status}"
        answer = json_schema(declared.service, operation["responses"][str(status)])
        problems += check_dataclass(declared.service, error_cls, answer, sent=False, where=str(status))
    assert problems == []


def test_path_parameters_are_the_published_ones() -> None:
    for declared in OPERATIONS:
        operation = operation_of(declared)
        published = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
        assert published == set(re.findall(r"{(\w+)}", declared.path)), declared.operation_id


def test_every_call_to_another_service_is_declared() -> None:
    # Both services that call others use these modules; a second client of the same service
    # would escape this test, so every operation of each module is in OPERATIONS.
    assert {op.operation_id for op in accounts.OPERATIONS} == {
        "auth_service_token",
        "jwks",
        "auth_token",
        "users_me_retrieve",
        "users_retrieve",
        "users_me_addresses_retrieve",
    }
    assert {op.service for op in catalog.OPERATIONS} == {"catalog"}
    assert len({op.operation_id for op in OPERATIONS}) == len(OPERATIONS)


# --- the check itself can fail -------------------------------------------------------------------


class Status(enum.StrEnum):
    HELD = "held"
    LOST = "lost"


@dataclasses.dataclass(frozen=True)
class Answer:
    status: Status
    code: Annotated[str, Status]


def test_a_status_enum_must_be_the_schemas_member_for_member() -> None:
    node = {
        "type": "object",
        "properties": {
            "status": {"type": "string", "enum": ["held", "gone"]},
            "code": {"type": "string", "enum": ["held", "lost"]},
        },
        "required": ["status", "code"],
    }
    assert check_dataclass("catalog", Answer, node, sent=False, where="200") == [
        "200.status: Status.'lost' is not in the schema",
        "200.status: the schema's 'gone' is not in Status",
    ]


def test_a_named_code_must_be_one_of_the_schemas() -> None:
    node = {
        "type": "object",
        "properties": {
            "status": {"type": "string", "enum": ["held", "lost"]},
            "code": {"type": "string", "enum": ["held", "other"]},
        },
        "required": ["status", "code"],
    }
    assert check_dataclass("catalog", Answer, node, sent=False, where="409") == [
        "409.code: Status names 'lost', not in the schema"
    ]


def test_an_optional_field_sent_must_not_be_required() -> None:
    node = {
        "type": "object",
        "properties": {k: {"type": "string"} for k in ("client_id", "client_secret", "scope")},
        "required": ["client_id", "client_secret", "scope"],
    }
    assert check_dataclass("accounts", accounts.ClientCredentialsRequest, node, sent=True, where="request") == [
        "request.scope: left out when None, but the schema requires it"
    ]


# --- the codec reads what the check approved ------------------------------------------------------

RESERVATION = {
    "id": str(uuid.uuid4()),
    "status": "held",
    "reference": "order-1",
    "expires_at": "2026-01-01T00:00:00+00:00",
    "lines": [{"sku": "MUG-1", "name": "Mug", "quantity": 1, "unit_price": "9.50", "currency": "EUR"}],
}


def test_a_status_is_decoded_as_its_enum_member() -> None:
    reservation = from_json(catalog.Reservation, RESERVATION)
    assert reservation.status is catalog.ReservationStatus.HELD
    assert reservation.lines[0].unit_price == Decimal("9.50")


def test_a_status_the_client_does_not_know_is_an_answer_outside_the_contract() -> None:
    with pytest.raises(ValueError, match=r"Reservation.status: 'lost' is no ReservationStatus"):
        from_json(catalog.Reservation, {**RESERVATION, "status": "lost"})


def test_a_named_code_reads_any_string() -> None:
    body = from_json(catalog.CatalogErrorBody, {"errors": [{"code": "sku_taken", "detail": "x", "attr": None}]})
    assert body.errors[0].code == "sku_taken"


def test_an_optional_field_left_unset_is_not_sent() -> None:
    body = accounts.ClientCredentialsRequest(client_id="orders", client_secret="s3cret")
    assert to_json(body) == {"client_id": "orders", "client_secret": "s3cret"}
    assert to_json(dataclasses.replace(body, scope="a b"))["scope"] == "a b"
