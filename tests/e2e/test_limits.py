"""Limits on bodies and parameters, over every operation of every committed schema, against the
three services as real processes (docs/api.md, "Limits").

- A body over its limit is a 413 ``content_too_large``, on every operation, whoever sends it.
- JSON nested deeper than the limit is a 400 ``parse_error`` on every operation taking a JSON
  body; a form or multipart body with too many fields is a 413.
- Every date, date-time, integer and decimal query parameter, at values beyond any calendar or
  column, is a 400 naming it; a cursor carrying such values is a 400 naming ``cursor``.

Each request is sent by every kind of caller an operation admits (customer, staff, a service,
nobody), with real resources in its path, so that the request reaches the code under test for
at least one of them; the others may only be refused for who they are (401, 403, 404). Every
answer is in the standard error shape, none is a 5xx, and the processes log no traceback.
"""

from __future__ import annotations

import base64
import http.client
import io
import itertools
import json
import re
import select
import socket
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from devtools.devstack import ServiceProcess
from tests.e2e.conftest import CATALOG_PRODUCT_IMPORT_MAX_BYTES
from tests.e2e.orders_support import ADDRESS, Person, create_product, person, place_order
from tests.e2e.schemas import OPERATIONS, SERVICES, Operation
from tests.e2e.web import call

# Django's DATA_UPLOAD_MAX_MEMORY_SIZE (common/settings.py), which the e2e system leaves as it is.
BODY_LIMIT = 2_621_440
JSON_MAX_DEPTH = 32  # common.request_limits
ERROR_CODES_OF_THE_CALLER = {401, 403, 404}
REQUEST_ID_PREFIX = "limits-"
# A body the service may refuse before reading all of it goes through send_early_answered.
LARGE_BODY = 64 * 1024
_request_ids = itertools.count()


# --- the schemas --------------------------------------------------------------------------------


BODY_OPERATIONS = [op for op in OPERATIONS if op.body_media_types]
FORM_OPERATIONS = [
    (op, media)
    for op in BODY_OPERATIONS
    for media in op.body_media_types
    if media in {"application/x-www-form-urlencoded", "multipart/form-data"}
]

UPLOAD_OPERATIONS = [op for op, media in FORM_OPERATIONS if media == "multipart/form-data"]


def _is_bounded_kind(schema: dict[str, Any]) -> bool:
    return schema.get("type") in {"integer", "number"} or schema.get("format") in {"date", "date-time", "decimal"}


BOUNDED_PARAMETERS = [
    (op, parameter["name"])
    for op in OPERATIONS
    for parameter in op.query_parameters()
    if _is_bounded_kind(parameter["schema"])
]
CURSOR_OPERATIONS = [op for op in OPERATIONS if any(p["name"] == "cursor" for p in op.query_parameters())]


# --- callers and resources -----------------------------------------------------------------------


@dataclass(frozen=True)
class World:
    system: dict[str, ServiceProcess]
    tokens: dict[str, str | None]  # caller -> bearer token (None: anonymous)
    path_values: dict[str, str]
    log_offsets: dict[str, int]

    def url(self, op: Operation, query: str = "") -> str:
        path = re.sub(r"\{(\w+)\}", lambda m: self.path_values[m.group(1)], op.path)
        return self.system[op.service].base_url + path + (f"?{query}" if query else "")

    def callers(self, op: Operation) -> list[str]:
        return ["anonymous"] if op.anonymous_only else list(self.tokens)


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def send(
    world: World, op: Operation, caller: str, *, query: str = "", body: bytes | None = None, content_type: str = ""
) -> Answer:
    if body is not None and len(body) > LARGE_BODY and not query:
        return send_early_answered(world, op, caller, body=body, content_type=content_type)
    headers = {
        "X-Request-ID": f"{REQUEST_ID_PREFIX}{next(_request_ids)}",
        # Orders and reservations need one before they read the body.
        "Idempotency-Key": str(uuid.uuid4()),
    }
    token = world.tokens[caller]
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(world.url(op, query), data=body, headers=headers, method=op.method.upper())
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return Answer(response.status, response.headers.get("Content-Type", ""), response.read())
    except urllib.error.HTTPError as exc:
        return Answer(exc.code, exc.headers.get("Content-Type", ""), exc.read())


def send_early_answered(world: World, op: Operation, caller: str, *, body: bytes, content_type: str) -> Answer:
    """``send`` as an HTTP client should send a large body: it stops sending once the server has
    answered. The server refuses an oversized body without reading it, and gunicorn closes the
    connection after draining at most 64 KiB; a client that kept writing (urllib does) would get
    a broken pipe instead of the answer."""
    url = urllib.parse.urlsplit(world.url(op))
    token = world.tokens[caller]
    headers = {
        "Host": url.netloc,
        "Content-Type": content_type,
        "Content-Length": str(len(body)),
        "X-Request-ID": f"{REQUEST_ID_PREFIX}{next(_request_ids)}",
        "Connection": "close",
        **({"Authorization": f"Bearer {token}"} if token else {}),
    }
    head = f"{op.method.upper()} {url.path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    received = b""
    assert url.port is not None, url  # the services' base URLs name their port
    with socket.create_connection((url.hostname, url.port), timeout=30) as sock:
        sock.sendall(head.encode() + b"\r\n")
        sent = 0
        while True:
            writing = [sock] if sent < len(body) and not received else []
            readable, writable, _ = select.select([sock], writing, [], 30)
            assert readable or writable, f"{op.id}: no answer"
            if readable:
                try:
                    chunk = sock.recv(65536)
                except ConnectionResetError:
                    break
                if not chunk:
                    break
                received += chunk
            elif writable:
                try:
                    sent += sock.send(body[sent : sent + 65536])
                except (BrokenPipeError, ConnectionResetError):
                    sent = len(body)
    response = http.client.HTTPResponse(_Received(received))  # type: ignore[arg-type]
    response.begin()
    return Answer(response.status, response.getheader("Content-Type", ""), response.read())


class _Received:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def makefile(self, mode: str) -> io.BytesIO:
        return io.BytesIO(self.data)


def _service_token(system: dict[str, ServiceProcess]) -> str:
    env = system["orders"].env
    reply = call(
        "POST",
        system["accounts"].base_url + "/api/v1/auth/service-token/",
        json_body={"client_id": env["SERVICE_CLIENT_ID"], "client_secret": env["SERVICE_CLIENT_SECRET"]},
    )
    assert reply.status == 200, reply.body
    token: str = reply.json()["access_token"]
    return token


def _multipart(fields: Mapping[str, tuple[str | None, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body: name -> (file name or None for a plain field, content)."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, (file_name, content) in fields.items():
        disposition = f'form-data; name="{name}"' + (f'; filename="{file_name}"' if file_name else "")
        parts.append(f"--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def _import_job(catalog_url: str, staff: Person, sku: str) -> str:
    # The job's outcome does not matter here (its row names no category), only that it exists.
    csv = f"sku,name,description,price,currency,category,attributes,is_active,stock\n{sku},I,,1.00,EUR,,,,\n".encode()
    body, content_type = _multipart({"file": ("products.csv", csv)})
    request = urllib.request.Request(
        catalog_url + "/api/v1/product-imports/",
        data=body,
        headers={"Content-Type": content_type, **staff.headers()},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 202
        job_id: str = json.loads(response.read())["id"]
        return job_id


def _log_size(process: ServiceProcess) -> int:
    assert process.log_path is not None
    return process.log_path.stat().st_size


@pytest.fixture(scope="module")
def world(
    system: dict[str, ServiceProcess], staff_member: tuple[str, str], shopper_credentials: list[tuple[str, str]]
) -> World:
    """Tokens for each kind of caller, and two of everything a path or a list can name."""
    staff = person(system, *staff_member)
    customer = person(system, *shopper_credentials[0])
    catalog, orders, accounts = (system[name].base_url for name in ("catalog", "orders", "accounts"))
    service_token = _service_token(system)

    skus = [create_product(catalog, staff, stock=100) for _ in range(2)]
    # A second movement of the first product's stock.
    adjusted = call(
        "POST",
        f"{catalog}/api/v1/products/{skus[0]}/stock-adjustments/",
        json_body={"mode": "add", "quantity": 5, "reason": "restock"},
        headers=staff.headers(),
    )
    assert adjusted.status == 201, adjusted.body
    category_id = call("GET", f"{catalog}/api/v1/products/{skus[0]}/").json()["category"]
    addresses = []
    for _ in range(2):
        reply = call("POST", f"{accounts}/api/v1/users/me/addresses/", json_body=ADDRESS, headers=customer.headers())
        assert reply.status == 201, reply.body
        addresses.append(reply.json()["id"])
    order_ids = []
    for _ in range(2):
        placed = place_order(orders, customer, [(skus[1], 1)])
        assert placed.status == 201, placed.body
        order_ids.append(placed.json()["id"])
    reservation = call(
        "POST",
        f"{catalog}/api/v1/reservations/",
        json_body={"reference": f"limits-{uuid.uuid4()}", "lines": [{"sku": skus[1], "quantity": 1}]},
        headers={"Authorization": f"Bearer {service_token}", "Idempotency-Key": str(uuid.uuid4())},
    )
    assert reservation.status == 201, reservation.body
    import_ids = [_import_job(catalog, staff, f"LIMITS-IMPORT-{n}-{uuid.uuid4().hex[:6]}".upper()) for n in range(2)]

    return World(
        system=system,
        tokens={"customer": customer.token, "staff": staff.token, "service": service_token, "anonymous": None},
        path_values={
            "sku": skus[0],
            "category_id": str(category_id),
            "address_id": addresses[0],
            "order_id": order_ids[0],
            "reservation_id": reservation.json()["id"],
            "import_id": import_ids[0],
            "user_id": customer.id,
        },
        log_offsets={name: _log_size(process) for name, process in system.items()},
    )


# --- what every answer must be ---------------------------------------------------------------------


def assert_error_shape(answer: Answer, context: str) -> list[dict[str, Any]]:
    assert answer.content_type.startswith("application/json"), (context, answer.status, answer.body[:300])
    body = answer.json()
    assert set(body) == {"type", "errors"}, (context, body)
    assert body["type"] in {"validation_error", "client_error"}, (context, body)
    for error in body["errors"]:
        assert set(error) == {"code", "detail", "attr"}, (context, body)
    errors: list[dict[str, Any]] = body["errors"]
    return errors


def check_callers(
    world: World,
    op: Operation,
    context: str,
    reached: Any,
    **request: Any,
) -> None:
    """Send the request as each caller ``op`` admits. ``reached(answer, errors)`` says whether an
    answer is the refusal under test; any other answer must refuse the caller (401/403/404),
    and at least one caller must get the refusal under test."""
    outcomes = {}
    for caller in world.callers(op):
        answer = send(world, op, caller, **request)
        label = f"{context} as {caller}: {answer.status} {answer.body[:300]!r}"
        assert answer.status < 500, label
        errors = assert_error_shape(answer, label)
        got_it = reached(answer, errors)
        assert got_it or answer.status in ERROR_CODES_OF_THE_CALLER, label
        outcomes[caller] = got_it
    assert any(outcomes.values()), (context, outcomes)


# --- item 2: bodies ----------------------------------------------------------------------------


def _oversized_body(op: Operation) -> tuple[bytes, str, int]:
    """A body one byte over the operation's limit, in a media type it takes (or JSON)."""
    if "multipart/form-data" in op.body_media_types:
        limit = CATALOG_PRODUCT_IMPORT_MAX_BYTES
        overhead, content_type = _multipart({"file": ("big.csv", b"")})
        body, content_type = _multipart({"file": ("big.csv", b"x" * (limit + 1 - len(overhead)))})
        return body, content_type, limit
    if op.body_media_types == ["application/x-www-form-urlencoded"]:
        return b"a=" + b"x" * (BODY_LIMIT - 1), "application/x-www-form-urlencoded", BODY_LIMIT
    # Valid JSON, so only its size is wrong.
    body = b'{"padding": "' + b"x" * (BODY_LIMIT - 14) + b'"}'
    return body, "application/json", BODY_LIMIT


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_a_body_over_the_limit_is_413_on_every_operation(world: World, op: Operation) -> None:
    body, content_type, limit = _oversized_body(op)
    assert len(body) == limit + 1
    for caller in {"anonymous", *world.callers(op)[:1]}:
        answer = send(world, op, caller, body=body, content_type=content_type)
        label = f"{op.id} as {caller}: {answer.status} {answer.body[:300]!r}"
        assert answer.status == 413, label
        assert assert_error_shape(answer, label) == [
            {
                "code": "content_too_large",
                "detail": f"The request body is larger than the limit of {limit} bytes.",
                "attr": None,
            }
        ]


DEEP_BODIES = {
    "arrays": b"[" * 1000 + b"]" * 1000,
    "objects": b'{"a":' * 1000 + b"1" + b"}" * 1000,
    "a field": b'{"email": ' + b"[" * 900 + b"]" * 900 + b"}",
    "one level too deep": b"[" * (JSON_MAX_DEPTH + 1) + b"]" * (JSON_MAX_DEPTH + 1),
}


@pytest.mark.parametrize("shape", DEEP_BODIES)
@pytest.mark.parametrize("op", BODY_OPERATIONS, ids=lambda op: op.id)
def test_json_nested_too_deep_is_400_on_every_operation_with_a_body(world: World, op: Operation, shape: str) -> None:
    if "application/json" in op.body_media_types:
        expected, code = 400, "parse_error"
    else:  # only multipart: JSON is not what it takes
        expected, code = 415, "unsupported_media_type"

    def reached(answer: Answer, errors: list[dict[str, Any]]) -> bool:
        return answer.status == expected and [e["code"] for e in errors] == [code]

    check_callers(world, op, f"{op.id} ({shape})", reached, body=DEEP_BODIES[shape], content_type="application/json")


def test_json_nested_to_the_limit_is_parsed(world: World) -> None:
    """The control: nesting up to the limit is JSON like any other (here, not a valid body)."""
    op = next(op for op in BODY_OPERATIONS if op.path == "/api/v1/auth/token/")
    nested = b"[" * JSON_MAX_DEPTH + b"]" * JSON_MAX_DEPTH
    answer = send(world, op, "anonymous", body=nested, content_type="application/json")
    assert answer.status == 400
    assert [e["code"] for e in assert_error_shape(answer, "control")] != ["parse_error"]


@pytest.mark.parametrize(("op", "media"), FORM_OPERATIONS, ids=lambda v: v.id if isinstance(v, Operation) else v)
def test_a_form_with_too_many_fields_is_413(world: World, op: Operation, media: str) -> None:
    fields = {f"f{n}": (None, b"1") for n in range(1001)}  # DATA_UPLOAD_MAX_NUMBER_FIELDS is 1000
    if media == "multipart/form-data":
        body, content_type = _multipart(fields)
    else:
        body, content_type = "&".join(f"{name}=1" for name in fields).encode(), media

    def reached(answer: Answer, errors: list[dict[str, Any]]) -> bool:
        return answer.status == 413 and [e["code"] for e in errors] == ["content_too_large"]

    check_callers(world, op, f"{op.id} ({media})", reached, body=body, content_type=content_type)


@pytest.mark.parametrize("op", UPLOAD_OPERATIONS, ids=lambda op: op.id)
def test_form_fields_over_the_limit_in_a_larger_upload_are_413(world: World, op: Operation) -> None:
    """Within the view's own limit (catalog's import), the fields without files still keep
    to DATA_UPLOAD_MAX_MEMORY_SIZE, which Django checks while DRF parses."""
    body, content_type = _multipart({"file_format": (None, b"x" * (BODY_LIMIT + 1)), "file": ("a.csv", b"sku\n")})
    assert len(body) <= CATALOG_PRODUCT_IMPORT_MAX_BYTES

    def reached(answer: Answer, errors: list[dict[str, Any]]) -> bool:
        return answer.status == 413 and [e["code"] for e in errors] == ["content_too_large"]

    check_callers(world, op, op.id, reached, body=body, content_type=content_type)


def test_a_token_header_of_deeply_nested_json_is_401(world: World) -> None:
    header = base64.urlsafe_b64encode(b"[" * 3000 + b"]" * 3000).rstrip(b"=").decode()
    token = f"{header}.e30.c2ln"
    for service in SERVICES:
        reply = call(
            "GET", world.system[service].base_url + "/api/v1/auth/whoami/", headers={"Authorization": f"Bearer {token}"}
        )
        assert reply.status == 401, (service, reply.body)


# --- item 4: parameters ------------------------------------------------------------------------

EXTREMES = {
    # (Longer than about 4,000 characters, a request line is gunicorn's to refuse: 414.)
    "integer": ["10" + "0" * 29, "-1" + "0" * 30, "1e309", str(2**63), str(-(2**63) - 1), "9" * 1001],
    "number": ["1e309", "-1e309", "1" + "0" * 30, "NaN", "Infinity"],
    "decimal": ["1e309", "-1e309", "1" + "0" * 30, "1e-309", "NaN", "Infinity", "9" * 1001],
    "date": ["0001-01-01", "9999-12-31", "0000-01-01", "10000-01-01"],
    "date-time": [
        "0001-01-01T00:00:00Z",
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59Z",
        "9999-12-31T23:59:59+14:00",
        "9999-12-31T23:59:59-14:00",
        "9999-12-31T23:59:59.999999-23:59",
    ],
}
# Strange but valid: never a 5xx, a 400 only in the shape and naming the parameter.
ODD_BUT_VALID = {"date-time": ["2026-01-01T00:00:00+23:59", "2026-01-01T00:00:00-23:59"]}
# Values for the other required parameters, so that only the one under test is wrong.
REQUIRED_VALUES = {"date_from": "2026-01-01", "date_to": "2026-01-02"}


def _kind(schema: dict[str, Any]) -> str:
    kind: str = schema["format"] if schema.get("format") in {"date", "date-time", "decimal"} else schema["type"]
    return kind


def _query(op: Operation, name: str, value: str) -> str:
    others = {
        p["name"]: REQUIRED_VALUES[p["name"]] for p in op.query_parameters() if p.get("required") and p["name"] != name
    }
    return urllib.parse.urlencode({**others, name: value})


@pytest.mark.parametrize(("op", "name"), BOUNDED_PARAMETERS, ids=lambda v: v.id if isinstance(v, Operation) else v)
def test_out_of_range_parameters_are_400_naming_them(world: World, op: Operation, name: str) -> None:
    (schema,) = [p["schema"] for p in op.query_parameters() if p["name"] == name]
    kind = _kind(schema)

    def names_it(answer: Answer, errors: list[dict[str, Any]]) -> bool:
        return answer.status == 400 and name in {e["attr"] for e in errors}

    for value in EXTREMES[kind]:
        check_callers(world, op, f"{op.id} {name}={value[:40]}", names_it, query=_query(op, name, value))
    for value in ODD_BUT_VALID.get(kind, []):
        for caller in world.callers(op):
            answer = send(world, op, caller, query=_query(op, name, value))
            assert answer.status < 500, (op.id, name, value, caller, answer.body[:300])
            if answer.status >= 400 and answer.status not in ERROR_CODES_OF_THE_CALLER:
                assert name in {e["attr"] for e in assert_error_shape(answer, op.id)}, answer.body


def _real_cursor(world: World, op: Operation, caller: str, query: dict[str, str]) -> str | None:
    answer = send(world, op, caller, query=urllib.parse.urlencode({**query, "page_size": "1"}))
    if answer.status != 200:
        return None
    next_link = answer.json()["next"]
    if not next_link:  # this caller sees fewer than two rows (staff have no addresses)
        return None
    cursor: str = urllib.parse.parse_qs(urllib.parse.urlparse(next_link).query)["cursor"][0]
    return cursor


POSITION_EXTREMES: list[Any] = [
    10**30,
    -(10**30),
    2**63,
    1e308,
    "9" * 1000,
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "9999-12-31 23:59:59.999999-23:59",
    "2026-01-01T00:00:00+23:59",
    "0001-01-01",
    "x",
]


def _tampered_cursors(cursor: str) -> Iterator[tuple[str, str]]:
    """The cursor with each position value replaced by each extreme, in whichever of the two
    formats it is (common.pagination: keyset JSON, or DRF's query string)."""
    raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    if raw.startswith(b"{"):
        payload = json.loads(raw)
        for index, value in itertools.product(range(len(payload["v"])), POSITION_EXTREMES):
            values = [*payload["v"]]
            values[index] = value
            token = json.dumps({**payload, "v": values}).encode()
            yield f"v[{index}]={value!r:.40}", base64.urlsafe_b64encode(token).decode().rstrip("=")
        deep = b'{"o": "x", "d": "n", "v": ' + b"[" * 1400 + b"]" * 1400 + b"}"
        yield "deep JSON", base64.urlsafe_b64encode(deep).decode().rstrip("=")
        return
    tokens = urllib.parse.parse_qs(raw.decode(), keep_blank_values=True)
    extremes = {"p": [str(v) for v in POSITION_EXTREMES], "o": [str(10**30), "-1", "1e309"], "r": [str(10**30), "x"]}
    for key, values in extremes.items():
        for value in values:
            changed = urllib.parse.urlencode({**{k: v[0] for k, v in tokens.items()}, key: value})
            yield f"{key}={value:.40}", base64.b64encode(changed.encode()).decode()


@pytest.mark.parametrize("op", CURSOR_OPERATIONS, ids=lambda op: op.id)
def test_cursors_carrying_out_of_range_values_are_400_naming_the_cursor(world: World, op: Operation) -> None:
    orderings = next((p["schema"].get("enum") for p in op.query_parameters() if p["name"] == "ordering"), None)
    queries = [{"ordering": o, **({"q": "E2E"} if o == "relevance" else {})} for o in orderings or []] or [{}]
    tried = 0
    for caller, query in itertools.product(world.callers(op), queries):
        cursor = _real_cursor(world, op, caller, query)
        if cursor is None:
            continue
        for label, tampered in _tampered_cursors(cursor):
            answer = send(world, op, caller, query=urllib.parse.urlencode({**query, "cursor": tampered}))
            context = f"{op.id} {query} cursor {label} as {caller}: {answer.status} {answer.body[:300]!r}"
            assert answer.status in {200, 400}, context
            if answer.status == 400:
                assert {e["attr"] for e in assert_error_shape(answer, context)} == {"cursor"}, context
            tried += 1
    assert tried, f"{op.id}: no caller could page through two rows"


# --- and the logs --------------------------------------------------------------------------------


def test_no_traceback_was_logged(world: World) -> None:
    """Last in this module: what the processes logged while the tests above ran."""
    for name, process in world.system.items():
        assert process.log_path is not None
        with Path(process.log_path).open("rb") as log:
            log.seek(world.log_offsets[name])
            text = log.read().decode(errors="replace")
        assert "Traceback" not in text, (name, text[text.index("Traceback") - 2000 :][:6000])
        ours = [json.loads(line) for line in text.splitlines() if line.startswith("{") and REQUEST_ID_PREFIX in line]
        assert ours, name
        assert not [line for line in ours if line.get("level") in {"ERROR", "CRITICAL"} or "exc_info" in line], name
        assert all(line.get("status", 0) < 500 for line in ours), name
