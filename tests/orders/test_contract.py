"""orders calls only what accounts and catalog publish, in the shapes they publish.

Every call of the typed clients is declared as an ``Operation`` (method, path template,
request and response dataclasses). Here each declaration is checked against the target's
committed openapi.yaml: the operation exists at that path and method, every field the request
dataclass sends is a property of the request body and every required property is sent, every
field the response dataclasses read is a property of the documented response (required unless
the dataclass has a default), and the types agree. A change on either side that breaks the
contract fails this test, not production.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import types
import typing
import uuid
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any, get_args, get_origin, get_type_hints

import pytest
import yaml

from devtools.devstack import REPO_ROOT
from orders_service.orders.api.serializers.common import SKU_PATTERN
from orders_service.orders.clients import accounts, catalog
from orders_service.orders.clients.base import Operation
from tests.orders.conftest import Shopper
from tests.orders.real_services import Catalog

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
    hints = get_type_hints(cls)
    fields = {field.name: field for field in dataclasses.fields(cls)}
    for name, field in fields.items():
        if name not in properties:
            problems.append(f"{where}.{name}: not in the schema")
            continue
        has_default = field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
        if not sent and not has_default and name not in required:
            problems.append(f"{where}.{name}: read as always there, but the schema does not require it")
        problems += check_type(service, hints[name], properties[name], sent=sent, where=f"{where}.{name}")
    if sent:
        problems += [f"{where}.{name}: required by the schema, never sent" for name in required - set(fields)]
    return problems


def check_type(service: str, kind: Any, node: dict[str, Any], *, sent: bool, where: str) -> list[str]:  # noqa: PLR0911
    node = resolve(service, node)
    origin = get_origin(kind)
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


def test_orders_validates_skus_as_catalog_does() -> None:
    line = resolve("catalog", {"$ref": "#/components/schemas/ReservationCreateLineRequest"})
    assert line["properties"]["sku"]["pattern"] == SKU_PATTERN


def test_the_reservation_statuses_orders_handles_are_catalogs() -> None:
    statuses = set(resolve("catalog", {"$ref": "#/components/schemas/ReservationStatusEnum"})["enum"])
    assert {"held", "committed", "released", "expired", "returned"} == statuses


def _template(path: str) -> Callable[[str], bool]:
    pattern = re.compile("^" + re.sub(r"{\w+}", "[^/]+", path) + "(\\?.*)?$")
    return lambda candidate: bool(pattern.match(candidate))


@pytest.mark.django_db
def test_every_request_orders_sends_is_a_declared_operation(
    shopper: Shopper, catalog: Catalog, place: Callable[..., Any], directory: Any
) -> None:
    """Drive the whole saga and a cancellation; every request on the wire matches a declaration."""
    catalog.add("MUG-1", stock=2)
    catalog.add("USD-1", stock=2, currency="USD")
    address_id = directory.add_address(shopper.id)
    order_id = place(shopper, [("MUG-1", 1)], shipping_address_id=address_id).json()["id"]
    shopper.client.post(f"/api/v1/orders/{order_id}/cancel/")
    place(shopper, [("MUG-1", 1), ("USD-1", 1)])  # mixed currencies: a release
    place(shopper, [("MUG-1", 5)])  # a shortage
    sent = [(r.method, r.path) for r in [*catalog.server.requests, *directory.server.requests]]
    declared = [(op.method, _template(op.path)) for op in OPERATIONS]
    assert {op.operation_id for op in OPERATIONS} >= {"reservations_release", "reservations_return"}
    unmatched = [(m, p) for m, p in sent if not any(m == dm and matches(p) for dm, matches in declared)]
    assert unmatched == []
    assert {m for m, _ in sent} == {"GET", "POST"}
