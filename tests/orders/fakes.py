"""Stand-ins for catalog and accounts on real local HTTP servers, answering what orders calls
as their committed schemas describe it, with faults to inject.

FakeCatalog keeps stock, holds reservations all-or-nothing and replays a reservation for a
repeated Idempotency-Key, as catalog does; FakeDirectory is accounts' side: service tokens,
users and address books.
"""

from __future__ import annotations

import hashlib
import json
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import jwt

from devtools.testing.http_server import Answer, LocalHTTPServer, Received


def error(status: int, code: str, *, type_: str = "client_error", **extra: Any) -> Answer:
    return Answer.json({"type": type_, "errors": [{"code": code, "detail": code, "attr": None, **extra}]}, status)


@dataclass
class FakeProduct:
    sku: str
    name: str
    price: Decimal
    currency: str = "EUR"
    on_hand: int = 0
    reserved: int = 0


@dataclass
class FakeReservation:
    id: str
    reference: str
    lines: list[tuple[str, int]]
    status: str = "held"
    fingerprint: str = ""

    def body(self, products: dict[str, FakeProduct]) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "reference": self.reference,
            "expires_at": "2030-01-01T00:00:00+00:00",
            "lines": [
                {
                    "sku": sku,
                    "name": products[sku].name,
                    "quantity": quantity,
                    "unit_price": str(products[sku].price),
                    "currency": products[sku].currency,
                }
                for sku, quantity in self.lines
            ],
            "created_at": "2030-01-01T00:00:00+00:00",
            "updated_at": "2030-01-01T00:00:00+00:00",
        }


@dataclass
class FakeCatalog:
    server: LocalHTTPServer
    products: dict[str, FakeProduct] = field(default_factory=dict)
    reservations: dict[str, FakeReservation] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)
    # A fault for the next requests that match: (predicate, answer), used once each.
    faults: list[tuple[Callable[[Received], bool], Answer]] = field(default_factory=list)
    # Processes the request, then answers with this instead (the answer is lost on the way).
    lose_answer_of: Callable[[Received], bool] | None = None
    # catalog 1.4.0: a reservation request with `commit: true` sells the stock at once. Off, the
    # fake only holds (as for a request without `commit`), so that orders commits the hold with
    # a second call: the path of a hold an earlier attempt left, and the faults injected into it.
    sells_on_create: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.server.respond = self.respond

    @property
    def url(self) -> str:
        return self.server.url

    def add(self, sku: str, *, price: str = "10.00", stock: int = 0, currency: str = "EUR", name: str = "") -> None:
        self.products[sku] = FakeProduct(sku, name or f"Product {sku}", Decimal(price), currency, on_hand=stock)

    def fail(self, predicate: Callable[[Received], bool], answer: Answer, times: int = 1) -> None:
        self.faults.extend([(predicate, answer)] * times)

    def reservation_posts(self) -> list[Received]:
        return [r for r in self.server.requests if r.method == "POST" and r.path == "/api/v1/reservations/"]

    def held(self) -> int:
        return sum(product.reserved for product in self.products.values())

    def respond(self, received: Received) -> Answer:
        with self.lock:
            for index, (predicate, answer) in enumerate(self.faults):
                if predicate(received):
                    del self.faults[index]
                    return answer
            answer = self._respond(received)
            if self.lose_answer_of is not None and self.lose_answer_of(received):
                self.lose_answer_of = None
                return Answer(drop=True)
            return answer

    def _respond(self, received: Received) -> Answer:
        path = received.path
        if received.method == "POST" and path == "/api/v1/reservations/":
            return self._reserve(received)
        if received.method == "POST" and path == "/api/v1/reservations/states/":
            return self._states(received)
        if received.method == "POST" and path.startswith("/api/v1/reservations/"):
            _, _, _, _, reservation_id, verb, _ = path.split("/")
            reservation = self.reservations.get(reservation_id)
            if reservation is None:
                return error(404, "not_found")
            return self._transition(reservation, verb)
        return error(404, "not_found")

    def _reserve(self, received: Received) -> Answer:
        key = received.headers.get("Idempotency-Key")
        if key is None:
            return error(400, "required", type_="validation_error")
        body = received.json()
        sell = self.sells_on_create and body.get("commit") is True
        # As in catalog, `commit` is no part of what is held.
        held = {name: value for name, value in body.items() if name != "commit"}
        fingerprint = hashlib.sha256(json.dumps(held, sort_keys=True).encode()).hexdigest()
        if key in self.by_key:
            reservation = self.reservations[self.by_key[key]]
            if reservation.fingerprint != fingerprint:
                return error(422, "idempotency_key_reused")
            if sell and reservation.status == "held":
                self._transition(reservation, "commit")
            return Answer.json(reservation.body(self.products), 200)
        lines = [(line["sku"], line["quantity"]) for line in body["lines"]]
        unknown = [sku for sku, _ in lines if sku not in self.products]
        if unknown:
            return Answer.json(
                {
                    "type": "client_error",
                    "errors": [
                        {"code": "unknown_sku", "detail": "unknown", "attr": f"lines.{i}.sku", "sku": sku}
                        for i, sku in enumerate(unknown)
                    ],
                },
                422,
            )
        short = [
            (sku, quantity, self.products[sku].on_hand - self.products[sku].reserved)
            for sku, quantity in lines
            if self.products[sku].on_hand - self.products[sku].reserved < quantity
        ]
        if short:
            return Answer.json(
                {
                    "type": "client_error",
                    "errors": [
                        {
                            "code": "insufficient_stock",
                            "detail": "short",
                            "attr": "lines.0.quantity",
                            "sku": sku,
                            "requested": quantity,
                            "available": available,
                        }
                        for sku, quantity, available in short
                    ],
                },
                409,
            )
        for sku, quantity in lines:
            self.products[sku].reserved += quantity
        reservation = FakeReservation(str(uuid.uuid4()), body["reference"], lines, fingerprint=fingerprint)
        self.reservations[reservation.id] = reservation
        self.by_key[key] = reservation.id
        if sell:
            self._transition(reservation, "commit")
        return Answer.json(reservation.body(self.products), 201)

    def _states(self, received: Received) -> Answer:
        ids = received.json()["ids"]
        found = [self.reservations[i] for i in ids if i in self.reservations]
        return Answer.json(
            {
                "results": [
                    {"id": r.id, "status": r.status, "reference": r.reference, "updated_at": "2030-01-01T00:00:00Z"}
                    for r in found
                ],
                "unknown": [i for i in ids if i not in self.reservations],
            }
        )

    def _transition(self, reservation: FakeReservation, verb: str) -> Answer:
        target = {"commit": "committed", "release": "released", "return": "returned"}[verb]
        source = {"commit": "held", "release": "held", "return": "committed"}[verb]
        if reservation.status == target or (verb == "release" and reservation.status == "expired"):
            return Answer.json(reservation.body(self.products))
        if reservation.status != source:
            code = "reservation_expired" if reservation.status == "expired" else "reservation_state_conflict"
            return error(409, code)
        for sku, quantity in reservation.lines:
            product = self.products[sku]
            if verb == "commit":
                product.on_hand -= quantity
                product.reserved -= quantity
            elif verb == "release":
                product.reserved -= quantity
            else:
                product.on_hand += quantity
        reservation.status = target
        return Answer.json(reservation.body(self.products))

    def expire(self, reservation_id: str) -> None:
        with self.lock:
            reservation = self.reservations[reservation_id]
            for sku, quantity in reservation.lines:
                self.products[sku].reserved -= quantity
            reservation.status = "expired"


@dataclass
class FakeUser:
    id: str
    email: str
    full_name: str = "Pat Shopper"
    is_active: bool = True
    addresses: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class FakeDirectory:
    """accounts as orders sees it."""

    server: LocalHTTPServer
    users: dict[str, FakeUser] = field(default_factory=dict)
    tokens_issued: int = 0
    down: bool = False

    def __post_init__(self) -> None:
        self.server.respond = self.respond

    @property
    def url(self) -> str:
        return self.server.url

    def add_user(self, user_id: str, email: str = "", **fields: Any) -> FakeUser:
        user = FakeUser(id=user_id, email=email or f"{user_id[:8]}@example.com", **fields)
        self.users[user_id] = user
        return user

    def add_address(self, user_id: str, **fields: Any) -> str:
        address_id = str(uuid.uuid4())
        self.users[user_id].addresses[address_id] = {
            "id": address_id,
            "label": "Home",
            "recipient": "Pat Shopper",
            "line1": "1 Main Street",
            "line2": "",
            "city": "Berlin",
            "region": "",
            "postal_code": "10115",
            "country": "DE",
            "phone": "",
            "is_default": True,
            "created_at": "2030-01-01T00:00:00+00:00",
            "updated_at": "2030-01-01T00:00:00+00:00",
            **fields,
        }
        return address_id

    def respond(self, received: Received) -> Answer:  # noqa: PLR0911  (one answer per endpoint and case)
        if self.down:
            return Answer(drop=True)
        path = received.path
        if received.method == "POST" and path == "/api/v1/auth/service-token/":
            body = received.json()
            if body.get("client_id") != "orders" or body.get("client_secret") != "orders-secret":
                return error(400, "invalid_client", type_="validation_error")
            self.tokens_issued += 1
            return Answer.json(
                {
                    "access_token": f"service-token-{self.tokens_issued}",
                    "token_type": "Bearer",
                    "expires_in": 300,
                    "scope": "accounts.users:read catalog.reservations:write",
                }
            )
        if received.method == "GET" and path.startswith("/api/v1/users/me/addresses/"):
            token = received.headers.get("Authorization", "").removeprefix("Bearer ")
            subject = jwt.decode(token, options={"verify_signature": False})["sub"]
            user = self.users.get(subject)
            address = user.addresses.get(path.split("/")[6]) if user else None
            if address is None:
                return error(404, "not_found")
            return Answer.json(address)
        if received.method == "GET" and path.startswith("/api/v1/users/"):
            if not received.headers.get("Authorization", "").startswith("Bearer service-token-"):
                return error(401, "not_authenticated")
            user = self.users.get(path.split("/")[4])
            if user is None:
                return error(404, "not_found")
            return Answer.json(
                {
                    "id": user.id,
                    "email": user.email,
                    "full_name": user.full_name,
                    "is_active": user.is_active,
                    "is_staff": False,
                    "is_superuser": False,
                    "groups": [],
                    "date_joined": "2030-01-01T00:00:00+00:00",
                    "last_login": None,
                }
            )
        return error(404, "not_found")
