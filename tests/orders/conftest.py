from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from rest_framework.test import APIClient

from common.http import service_client
from devtools.testing.http_server import local_http_server
from devtools.testing.tokens import SigningKey, use_test_signing_key, user_claims
from orders_service.orders.clients import accounts
from tests.orders.fakes import FakeCatalog, FakeDirectory

ADDRESS = {
    "recipient": "Pat Shopper",
    "line1": "1 Main Street",
    "city": "Berlin",
    "postal_code": "10115",
    "country": "DE",
}


@pytest.fixture
def signing_key(settings: Any) -> SigningKey:
    return use_test_signing_key(settings)


@pytest.fixture
def directory(settings: Any) -> Iterator[FakeDirectory]:
    with local_http_server() as server:
        fake = FakeDirectory(server)
        settings.ACCOUNTS_URL = fake.url
        yield fake


@pytest.fixture
def catalog(settings: Any) -> Iterator[FakeCatalog]:
    with local_http_server() as server:
        fake = FakeCatalog(server)
        settings.CATALOG_URL = fake.url
        yield fake


@pytest.fixture(autouse=True)
def _downstreams(settings: Any) -> Iterator[None]:
    settings.SERVICE_CLIENT_ID = "orders"
    settings.SERVICE_CLIENT_SECRET = "orders-secret"
    # Fast: short timeouts, one retry, and a breaker tests can trip in a few calls.
    settings.CATALOG_READ_TIMEOUT = settings.ACCOUNTS_READ_TIMEOUT = 1.0
    settings.CATALOG_BREAKER_FAILURES = settings.ACCOUNTS_BREAKER_FAILURES = 3
    accounts._tokens.cache_clear()
    service_client.cache_clear()
    yield
    accounts._tokens.cache_clear()
    service_client.cache_clear()


@dataclass
class Shopper:
    id: str
    client: APIClient
    token: str


@pytest.fixture
def make_shopper(signing_key: SigningKey, directory: FakeDirectory) -> Callable[..., Shopper]:
    def make(*, is_staff: bool = False, known: bool = True, **fields: Any) -> Shopper:
        user_id = str(uuid.uuid4())
        if known:
            directory.add_user(user_id, **fields)
        token = signing_key.sign(user_claims(user_id=user_id, email=f"{user_id[:8]}@example.com", is_staff=is_staff))
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        return Shopper(id=user_id, client=client, token=token)

    return make


@pytest.fixture
def shopper(make_shopper: Callable[..., Shopper]) -> Shopper:
    return make_shopper()


@pytest.fixture
def staff(make_shopper: Callable[..., Shopper]) -> Shopper:
    return make_shopper(is_staff=True)


@pytest.fixture
def place(catalog: FakeCatalog) -> Callable[..., Any]:
    """POST an order: place(shopper, lines, key=...) with lines as [(sku, quantity)]."""

    def post(shopper: Shopper, lines: list[tuple[str, int]], *, key: str | None = None, **body: Any) -> Any:
        payload = {"lines": [{"sku": sku, "quantity": quantity} for sku, quantity in lines], **body}
        if "shipping_address" not in body and "shipping_address_id" not in body:
            payload["shipping_address"] = ADDRESS
        return shopper.client.post(
            "/api/v1/orders/", payload, format="json", headers={"Idempotency-Key": key or str(uuid.uuid4())}
        )

    return post
