from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings as django_settings
from rest_framework.test import APIClient

from common.clients.accounts import service_tokens_forget
from common.http import service_client
from devtools.testing.tokens import SigningKey, shared_key, use_test_signing_key, user_claims
from tests.orders.real_services import Accounts, Catalog, Services, real_services
from tests.real_services import RealAccounts

ORDERS_CLIENT_SECRET = "orders-secret-for-the-tests"

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


@pytest.fixture(scope="session")
def real(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """accounts and catalog as real processes, for the whole session (tests/orders/real_services.py).

    accounts signs with the key the tests sign with (``shared_key()``), which orders, in this
    process, trusts (``signing_key``).
    """
    with real_services(
        tmp_path_factory.mktemp("services"),
        signing_key=shared_key(),
        orders_secret=ORDERS_CLIENT_SECRET,
        issuer=django_settings.JWT_ISSUER,
        audience=django_settings.JWT_AUDIENCE,
    ) as services:
        yield services


@pytest.fixture
def services(real: Services) -> Iterator[Services]:
    """The real services, left as a test found them: proxies without faults, an empty catalog."""
    yield real
    real.end_test()


@pytest.fixture
def directory(settings: Any, services: Services) -> Accounts:
    settings.ACCOUNTS_URL = services.accounts.url
    return services.accounts


@pytest.fixture
def catalog(settings: Any, services: Services) -> Catalog:
    settings.CATALOG_URL = services.catalog.url
    return services.catalog


@pytest.fixture
def sign_in_accounts(settings: Any, services: Services) -> Iterator[RealAccounts]:
    """The real accounts for the admin sign-in tests (devtools/testing/identity.py), reached
    with orders' own service client, which has the relay scope."""
    accounts = RealAccounts(
        proxy=services.accounts.proxy,
        base_url=services.accounts.base_url,
        database_url=services.accounts.database_url,
        client_secret=ORDERS_CLIENT_SECRET,
    )
    settings.ACCOUNTS_URL = accounts.url
    service_tokens_forget()
    try:
        yield accounts
    finally:
        service_tokens_forget()
        accounts.end_test()


@pytest.fixture(autouse=True)
def _downstreams(settings: Any) -> Iterator[None]:
    settings.SERVICE_CLIENT_ID = "orders"
    settings.SERVICE_CLIENT_SECRET = ORDERS_CLIENT_SECRET
    # Fast: short timeouts, one retry, and a breaker tests can trip in a few calls.
    settings.CATALOG_READ_TIMEOUT = settings.ACCOUNTS_READ_TIMEOUT = 1.0
    settings.CATALOG_BREAKER_FAILURES = settings.ACCOUNTS_BREAKER_FAILURES = 3
    service_tokens_forget()
    service_client.cache_clear()
    yield
    service_tokens_forget()
    service_client.cache_clear()


@dataclass
class Shopper:
    id: str
    client: APIClient
    token: str


@pytest.fixture
def make_shopper(signing_key: SigningKey, directory: Accounts) -> Callable[..., Shopper]:
    """A shopper: by default a user registered on accounts (``email``, ``full_name`` name one);
    ``known=False``, someone accounts has never heard of."""

    def make(*, is_staff: bool = False, known: bool = True, email: str = "", full_name: str = "") -> Shopper:
        if known:
            user = directory.user(email=email, full_name=full_name)
            user_id, email = user.id, user.email
        else:
            user_id, email = str(uuid.uuid4()), email or "nobody@example.com"
        token = signing_key.sign(user_claims(user_id=user_id, email=email, is_staff=is_staff))
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
def place(catalog: Catalog) -> Callable[..., Any]:
    """POST an order: place(shopper, lines, key=...) with lines as [(sku, quantity)]."""

    def post(shopper: Shopper, lines: list[tuple[str, int]], *, key: str | None = None, **body: Any) -> Any:
        payload = {"lines": [{"sku": sku, "quantity": quantity} for sku, quantity in lines], **body}
        if "shipping_address" not in body and "shipping_address_id" not in body:
            payload["shipping_address"] = ADDRESS
        return shopper.client.post(
            "/api/v1/orders/", payload, format="json", headers={"Idempotency-Key": key or str(uuid.uuid4())}
        )

    return post
