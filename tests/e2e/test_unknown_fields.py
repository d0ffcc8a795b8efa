"""An unknown body field is a 400 naming it, on every request body of every service's schema.

Table-driven from the committed schemas: each operation with a request body, in each media type
it takes, gets a body with a key the schema does not have, at the top and inside each nested
object, and must answer 400 in the API error shape naming that key (code ``not_allowed``).
A new operation is covered without a line here, unless it needs a caller or a path value this
table does not know yet: then the test fails and says so.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from devtools.devstack import ServiceProcess
from tests.e2e.orders_support import ADDRESS, CUSTOMER_PASSWORD, person, register
from tests.e2e.schemas import OPERATIONS, SCHEMAS
from tests.e2e.web import Reply, call

UNKNOWN = "unexpected_field"
# Who may reach an operation's body: by default a customer, or nobody at all where the schema
# lists no security requirement. The staff-only and service-only operations:
STAFF = {
    "categories_create",
    "categories_update",
    "categories_partial_update",
    "products_create",
    "products_update",
    "products_partial_update",
    "product_imports_create",
    "stock_adjustments_create",
    "staff_orders_cancel",
    "staff_orders_fulfil",
}
SERVICE = {"reservations_create", "reservations_states"}


@dataclass(frozen=True)
class Case:
    service: str
    method: str
    path: str
    operation: dict[str, Any]
    media_type: str

    @property
    def id(self) -> str:
        return f"{self.operation['operationId']}-{self.media_type.split('/')[-1]}"


CASES = [
    Case(op.service, op.method.upper(), op.path, op.spec, media_type)
    for op in OPERATIONS
    for media_type in op.body_media_types
]


def component(service: str, schema: dict[str, Any]) -> dict[str, Any] | None:
    """The object component a property's schema names (directly, through allOf, or as items)."""
    if "$ref" in schema:
        found: dict[str, Any] = SCHEMAS[service]["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
        return found if found.get("type") == "object" and "properties" in found else None
    for nested in (*schema.get("allOf", ()), schema.get("items", {})):
        if nested and (found_nested := component(service, nested)) is not None:
            return found_nested
    return None


def request_properties(case: Case) -> dict[str, Any]:
    """The properties of the request body, of each alternative where it is a oneOf of objects."""
    ref = case.operation["requestBody"]["content"][case.media_type]["schema"]["$ref"]
    body = SCHEMAS[case.service]["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    properties: dict[str, Any] = {}
    for alternative in body.get("oneOf", [ref and {"$ref": ref}]):
        found = component(case.service, alternative)
        assert found is not None, (case.id, alternative)
        properties.update(found["properties"])
    return properties


def bodies(case: Case) -> Iterator[tuple[dict[str, Any], str]]:
    """Each body to send with the attr it must be refused under: an unknown key at the top, and
    one inside each nested object (the only key given there)."""
    yield {UNKNOWN: "x"}, UNKNOWN
    yield {"": "x"}, ""  # a JSON key can be empty (found by fuzzing: the 400 broke its schema)
    properties = request_properties(case)
    assert properties, f"{case.id}: the request body is not an object component"
    for name, prop in properties.items():
        nested = component(case.service, prop)
        if nested is None:
            continue
        if prop.get("type") == "array":
            yield {name: [{UNKNOWN: "x"}]}, f"{name}.0.{UNKNOWN}"
        else:
            yield {name: {UNKNOWN: "x"}}, f"{name}.{UNKNOWN}"


@pytest.fixture(scope="module")
def callers(system: dict[str, ServiceProcess], staff_member: tuple[str, str]) -> dict[str, dict[str, str]]:
    customer = person(system, register(system), CUSTOMER_PASSWORD)
    staff = person(system, *staff_member)
    service = call(
        "POST",
        system["accounts"].base_url + "/api/v1/auth/service-token/",
        json_body={"client_id": "orders", "client_secret": system["orders"].env["SERVICE_CLIENT_SECRET"]},
    )
    assert service.status == 200, service.body
    address = call(
        "POST",
        system["accounts"].base_url + "/api/v1/users/me/addresses/",
        json_body=ADDRESS,
        headers=customer.headers(),
    )
    assert address.status == 201, address.body
    return {
        "anonymous": {},
        "customer": customer.headers(),
        "staff": staff.headers(),
        "service": {"Authorization": f"Bearer {service.json()['access_token']}"},
        # The values of path parameters: only an address is looked up before its body is read.
        "path": {
            "address_id": address.json()["id"],
            "category_id": "1",
            "sku": "NO-SUCH-SKU",
            "order_id": str(uuid.uuid4()),
        },
    }


def send(system: dict[str, ServiceProcess], case: Case, body: dict[str, Any], callers: Any) -> Reply:
    operation_id = case.operation["operationId"]
    if operation_id in STAFF:
        caller = "staff"
    elif operation_id in SERVICE:
        caller = "service"
    else:
        caller = "customer" if case.operation.get("security") else "anonymous"
    headers = dict(callers[caller])
    for parameter in case.operation.get("parameters", ()):
        if parameter["in"] == "header" and parameter["name"] == "Idempotency-Key":
            headers["Idempotency-Key"] = str(uuid.uuid4())
    path = case.path
    for parameter in (p for p in case.operation.get("parameters", ()) if p["in"] == "path"):
        path = path.replace("{" + parameter["name"] + "}", callers["path"][parameter["name"]])
    url = system[case.service].base_url + path
    if case.media_type == "application/json":
        return call(case.method, url, json_body=body, headers=headers)
    # Form encodings carry flat fields only (there is no nested object in them).
    fields = {key: value if isinstance(value, str) else json.dumps(value) for key, value in body.items()}
    if case.media_type == "application/x-www-form-urlencoded":
        return call(case.method, url, form=fields, headers=headers)
    assert case.media_type == "multipart/form-data", case.id
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'
        for key, value in fields.items()
    ]
    data = ("".join(parts) + f"--{boundary}--\r\n").encode()
    return raw_call(case.method, url, data, {**headers, "Content-Type": f"multipart/form-data; boundary={boundary}"})


def raw_call(method: str, url: str, data: bytes, headers: dict[str, str]) -> Reply:
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return Reply(response.status, dict(response.headers), response.read(), response.geturl())
    except urllib.error.HTTPError as exc:
        return Reply(exc.code, dict(exc.headers), exc.read(), exc.geturl())


def test_every_schema_has_request_bodies() -> None:
    assert {case.service for case in CASES} == set(SCHEMAS)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_an_unknown_body_field_is_a_400_naming_it(
    system: dict[str, ServiceProcess], callers: dict[str, Any], case: Case
) -> None:
    for body, attr in bodies(case):
        if case.media_type != "application/json" and attr not in (UNKNOWN, ""):
            continue
        reply = send(system, case, body, callers)
        assert reply.status == 400, (case.id, body, reply.status, reply.body)
        answer = reply.json()
        assert answer["type"] == "validation_error", (case.id, answer)
        refused = [error for error in answer["errors"] if error["code"] == "not_allowed"]
        assert [error["attr"] for error in refused] == [attr], (case.id, body, answer)
