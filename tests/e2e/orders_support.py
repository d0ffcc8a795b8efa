"""Helpers for the end-to-end tests of orders: people, products with stock, orders, and a look
into catalog's database (the tests check its invariants; no service ever reads another's)."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import psycopg

from devtools.devstack import ServiceProcess, database_url
from tests.e2e.web import Reply, call

T = TypeVar("T")
R = TypeVar("R")
CUSTOMER_PASSWORD = "Opal-river-4821"
ADDRESS = {
    "recipient": "Pat Shopper",
    "line1": "1 Main Street",
    "city": "Berlin",
    "postal_code": "10115",
    "country": "DE",
}


@dataclass(frozen=True)
class Person:
    id: str
    email: str
    token: str

    def headers(self, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", **extra}


def token_for(system: dict[str, ServiceProcess], email: str, password: str) -> str:
    reply = call(
        "POST", system["accounts"].base_url + "/api/v1/auth/token/", json_body={"email": email, "password": password}
    )
    assert reply.status == 200, reply.body
    token: str = reply.json()["access_token"]
    return token


def person(system: dict[str, ServiceProcess], email: str, password: str) -> Person:
    token = token_for(system, email, password)
    me = call("GET", system["accounts"].base_url + "/api/v1/users/me/", headers={"Authorization": f"Bearer {token}"})
    assert me.status == 200, me.body
    return Person(id=me.json()["id"], email=email, token=token)


def register(system: dict[str, ServiceProcess]) -> str:
    """A new customer through accounts' API; their email (the password is CUSTOMER_PASSWORD)."""
    email = f"shopper-{uuid.uuid4().hex[:10]}@e2e.example"
    reply = call(
        "POST",
        system["accounts"].base_url + "/api/v1/auth/register/",
        json_body={"email": email, "password": CUSTOMER_PASSWORD, "full_name": "Pat Shopper"},
    )
    assert reply.status == 202, reply.body
    return email


def create_product(catalog_url: str, staff: Person, *, stock: int, price: str = "9.50", currency: str = "EUR") -> str:
    """A product with ``stock`` units, through catalog's staff API; its SKU."""
    suffix = uuid.uuid4().hex[:10]
    category = call(
        "POST",
        catalog_url + "/api/v1/categories/",
        json_body={"name": f"E2E {suffix}", "slug": f"e2e-{suffix}"},
        headers=staff.headers(),
    )
    assert category.status == 201, category.body
    sku = f"E2E-{suffix}".upper()
    product = call(
        "POST",
        catalog_url + "/api/v1/products/",
        json_body={
            "sku": sku,
            "name": f"E2E product {suffix}",
            "category": category.json()["id"],
            "price": price,
            "currency": currency,
        },
        headers=staff.headers(),
    )
    assert product.status == 201, product.body
    adjusted = call(
        "POST",
        catalog_url + f"/api/v1/products/{sku}/stock-adjustments/",
        json_body={"mode": "set", "quantity": stock, "reason": "restock"},
        headers=staff.headers(),
    )
    assert adjusted.status == 201, adjusted.body
    return sku


def stock_of(catalog_url: str, staff: Person, sku: str) -> dict[str, int]:
    reply = call("GET", catalog_url + f"/api/v1/products/{sku}/stock/", headers=staff.headers())
    assert reply.status == 200, reply.body
    body = reply.json()
    return {"on_hand": body["on_hand"], "reserved": body["reserved"], "available": body["available"]}


def place_order(
    orders_url: str, customer: Person, lines: list[tuple[str, int]], *, key: str | None = None, **body: Any
) -> Reply:
    payload = {"lines": [{"sku": sku, "quantity": quantity} for sku, quantity in lines], **body}
    if "shipping_address" not in body and "shipping_address_id" not in body:
        payload["shipping_address"] = ADDRESS
    return call(
        "POST",
        orders_url + "/api/v1/orders/",
        json_body=payload,
        headers=customer.headers(**{"Idempotency-Key": key or str(uuid.uuid4())}),
    )


def in_parallel(function: Callable[[T], R], items: Iterable[T], *, workers: int = 16) -> list[R]:
    """``function`` over ``items`` from a bounded pool of client threads, in order."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, items))


def database_rows(process: ServiceProcess, query: str, *params: Any) -> list[tuple[Any, ...]]:
    """Rows from a service's own database (``process.env["DATABASE_URL"]``), read by the test."""
    url = process.env["DATABASE_URL"]
    with psycopg.connect(url) as conn:
        return list(conn.execute(query, params).fetchall())


def server_database_url(dbname: str) -> str:
    return database_url(os.environ["DATABASE_URL"], dbname)


def wait_until_orders_reach_catalog(system: dict[str, ServiceProcess], customer: Person, sku: str) -> None:
    """Until orders' circuit to catalog has closed again (it half-opens after 2 s in the e2e env)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if place_order(system["orders"].base_url, customer, [(sku, 1)]).status == 201:
            return
        time.sleep(0.5)
    raise AssertionError("orders never reached catalog again")
