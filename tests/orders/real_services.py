"""accounts and catalog as real gunicorn processes for tests/orders, behind fault proxies
(tests/real_services.py).

orders runs in the test process (pytest-django, its own test database); the services it calls
are the real ones, started once per session (databases ``orders_tests_accounts`` and
``orders_tests_catalog``). Each test starts from an empty catalog (its tables are truncated
after the test), so the fixed SKUs of the tests ("MUG-1") stay independent. accounts keeps its
users for the session: a test gets fresh ones from ``Accounts.user``; orders' own rows roll back
with the test database.
"""

from __future__ import annotations

import dataclasses
import json
import secrets
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from devtools.devstack import SERVICES_BY_NAME, free_port, manage, register_service_clients, running
from devtools.testing.http_server import Answer, Received, local_http_server
from devtools.testing.tokens import SigningKey, user_claims
from tests.live_system import manage_env, service_process
from tests.real_services import BehindProxy, FaultProxy, execute, write_key

# What orders' settings say in tests/orders (conftest.py): its service client on accounts.
ORDERS_CLIENT_ID = "orders"
PASSWORD = "Opal-river-4821"
# accounts throttles registrations, sign-ins and service tokens per address; the suite
# registers the users it needs and signs each in once, and orders asks for a service token in
# every test (its token cache is cleared between tests).
ACCOUNTS_ENV = {
    "THROTTLE_RATE_REGISTER": "10000/hour",
    "THROTTLE_RATE_TOKEN": "10000/minute",
    "THROTTLE_RATE_SERVICE_TOKEN": "10000/minute",
}


def _without_commit(received: Received) -> Received:
    if received.method != "POST" or received.path != "/api/v1/reservations/":
        return received
    body = {name: value for name, value in received.json().items() if name != "commit"}
    return dataclasses.replace(received, body=json.dumps(body).encode())


@dataclass(frozen=True)
class User:
    id: str
    email: str
    full_name: str


@dataclass
class Accounts(BehindProxy):
    """accounts as orders sees it, through ``proxy``; ``base_url`` reaches it directly."""

    proxy: FaultProxy
    base_url: str
    database_url: str
    signing_key: SigningKey
    issuer: str
    audience: str
    # The users of the running test, by id.
    users: dict[str, User] = field(default_factory=dict)
    # Registering costs a password hash, so users are kept for the session: orders' rows of a
    # user roll back with each test, and a user serves one shopper of one test at a time.
    _by_email: dict[str, User] = field(default_factory=dict)
    _spare: list[User] = field(default_factory=list)
    _taken: list[User] = field(default_factory=list)

    @property
    def down(self) -> bool:
        return self.proxy.down

    @down.setter
    def down(self, value: bool) -> None:
        self.proxy.down = value

    @property
    def tokens_issued(self) -> int:
        return sum(1 for r in self.server.requests if r.method == "POST" and r.path == "/api/v1/auth/service-token/")

    def user(self, *, email: str = "", full_name: str = "") -> User:
        """A user registered on accounts, not used by another shopper of this test."""
        if email or full_name:
            key = f"{email}|{full_name}"
            if key not in self._by_email:
                self._by_email[key] = self._register(
                    email or f"shopper-{uuid.uuid4().hex[:12]}@orders-tests.example", full_name or "Pat Shopper"
                )
            user = self._by_email[key]
        else:
            user = (
                self._spare.pop()
                if self._spare
                else self._register(f"shopper-{uuid.uuid4().hex[:12]}@orders-tests.example", "Pat Shopper")
            )
            self._taken.append(user)
        self.users[user.id] = user
        return user

    def end_test(self) -> None:
        self._spare.extend(self._taken)
        self._taken.clear()
        self.users.clear()

    def _register(self, email: str, full_name: str) -> User:
        with httpx.Client(base_url=self.base_url, timeout=30) as client:
            body = {"email": email, "password": PASSWORD, "full_name": full_name}
            reply = client.post("/api/v1/auth/register/", json=body)
            assert reply.status_code == 202, reply.text
            token = client.post("/api/v1/auth/token/", json={"email": email, "password": PASSWORD})
            assert token.status_code == 200, token.text
            me = client.get("/api/v1/users/me/", headers={"Authorization": f"Bearer {token.json()['access_token']}"})
            assert me.status_code == 200, me.text
        return User(id=me.json()["id"], email=email, full_name=full_name)

    def token(self, user_id: str, *, email: str = "", is_staff: bool = False, groups: tuple[str, ...] = ()) -> str:
        """A token for ``user_id`` signed with accounts' own key, as accounts would issue it."""
        claims = user_claims(
            user_id=user_id,
            email=email or f"{user_id[:8]}@example.com",
            is_staff=is_staff,
            groups=groups,
            issuer=self.issuer,
            audience=self.audience,
        )
        return self.signing_key.sign(claims)

    def add_address(self, user_id: str, **fields: Any) -> str:
        body = {
            "label": "Home",
            "recipient": "Pat Shopper",
            "line1": "1 Main Street",
            "city": "Berlin",
            "postal_code": "10115",
            "country": "DE",
            **fields,
        }
        reply = httpx.post(
            f"{self.base_url}/api/v1/users/me/addresses/",
            json=body,
            headers={"Authorization": f"Bearer {self.token(user_id)}"},
            timeout=30,
        )
        assert reply.status_code == 201, reply.text
        address_id: str = reply.json()["id"]
        return address_id


@dataclass(frozen=True)
class Stock:
    on_hand: int
    reserved: int


@dataclass(frozen=True)
class Reservation:
    id: str
    status: str


class _StockOf(Mapping[str, Stock]):
    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog

    def __getitem__(self, sku: str) -> Stock:
        rows = self._catalog.rows(
            "SELECT s.on_hand, s.reserved FROM catalog_stocklevel s JOIN catalog_product p ON p.id = s.product_id "
            "WHERE p.sku = %s",
            sku,
        )
        if not rows:
            raise KeyError(sku)
        return Stock(*rows[0])

    def __iter__(self) -> Iterator[str]:
        return iter([sku for (sku,) in self._catalog.rows("SELECT sku FROM catalog_product ORDER BY sku")])

    def __len__(self) -> int:
        return len(list(iter(self)))


@dataclass
class Catalog(BehindProxy):
    """catalog as orders sees it, through ``proxy``; products are created through its staff API
    and its state is read from its database (what a test checks, not what orders is told)."""

    proxy: FaultProxy
    base_url: str
    database_url: str
    accounts: Accounts
    # catalog's expiry job (manage.py expire_reservations), run once.
    expire_job: Callable[[], object]
    _category: str | None = None

    @property
    def lose_answer_of(self) -> Callable[[Received], bool] | None:
        return self.proxy.lose_answer_of

    @lose_answer_of.setter
    def lose_answer_of(self, predicate: Callable[[Received], bool] | None) -> None:
        self.proxy.lose_answer_of = predicate

    def fail(self, predicate: Callable[[Received], bool], answer: Answer, times: int = 1) -> None:
        self.proxy.fail(predicate, answer, times)

    @property
    def sells_on_create(self) -> bool:
        """catalog 1.4.0 on: a reservation request with ``commit: true`` sells at once. Set to
        False, the proxy takes ``commit`` out of reservation requests, so catalog only holds, as
        before 1.4.0, and orders commits the hold with a second call: the path of a hold an
        earlier attempt left, and the faults injected into it."""
        return self.proxy.rewrite is None

    @sells_on_create.setter
    def sells_on_create(self, sells: bool) -> None:
        self.proxy.rewrite = None if sells else _without_commit

    def rows(self, query: str, *params: Any) -> list[tuple[Any, ...]]:
        return execute(self.database_url, query, *params)

    def execute(self, statement: str, *params: Any) -> None:
        execute(self.database_url, statement, *params)

    def _staff_headers(self) -> dict[str, str]:
        token = self.accounts.token(str(uuid.uuid4()), is_staff=True, groups=("catalog-managers",))
        return {"Authorization": f"Bearer {token}"}

    def add(self, sku: str, *, price: str = "10.00", stock: int = 0, currency: str = "EUR", name: str = "") -> None:
        headers = self._staff_headers()
        with httpx.Client(base_url=self.base_url, headers=headers, timeout=30) as client:
            if self._category is None:
                slug = f"tests-{uuid.uuid4().hex[:8]}"
                category = client.post("/api/v1/categories/", json={"name": slug, "slug": slug})
                assert category.status_code == 201, category.text
                self._category = category.json()["id"]
            product = {
                "sku": sku,
                "name": name or f"Product {sku}",
                "category": self._category,
                "price": price,
                "currency": currency,
            }
            created = client.post("/api/v1/products/", json=product)
            assert created.status_code == 201, created.text
            if stock:
                adjustment = {"mode": "set", "quantity": stock, "reason": "restock"}
                adjusted = client.post(f"/api/v1/products/{sku}/stock-adjustments/", json=adjustment)
                assert adjusted.status_code == 201, adjusted.text

    @property
    def products(self) -> Mapping[str, Stock]:
        return _StockOf(self)

    def held(self) -> int:
        ((reserved,),) = self.rows("SELECT coalesce(sum(reserved), 0) FROM catalog_stocklevel")
        return int(reserved)

    @property
    def reservations(self) -> dict[str, Reservation]:
        """catalog's reservations, oldest first."""
        rows = self.rows("SELECT id, status FROM catalog_reservation ORDER BY created_at, id")
        return {str(id_): Reservation(str(id_), status) for id_, status in rows}

    def reservation_posts(self) -> list[Received]:
        return [r for r in self.server.requests if r.method == "POST" and r.path == "/api/v1/reservations/"]

    def force_status(self, reservation_id: str, status: str) -> None:
        """Write a reservation's status in catalog's database: a state catalog's API would not
        reach (a crash, a bug), for the tests of how orders notices a disagreement."""
        self.execute("UPDATE catalog_reservation SET status = %s WHERE id = %s", status, reservation_id)

    def expire(self, reservation_id: str) -> None:
        """Let the hold run out and catalog's expiry job release it."""
        self.execute(
            "UPDATE catalog_reservation SET expires_at = now() - interval '1 second' WHERE id = %s", reservation_id
        )
        self.expire_job()

    def end_test(self) -> None:
        self._category = None
        tables = [
            name
            for (name,) in self.rows(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'catalog\\_%%'"
            )
        ]
        self.execute("TRUNCATE " + ", ".join(f'"{name}"' for name in tables) + " CASCADE")


@dataclass
class Services:
    accounts: Accounts
    catalog: Catalog

    def end_test(self) -> None:
        self.accounts.proxy.reset()
        self.catalog.proxy.reset()
        self.accounts.end_test()
        self.catalog.end_test()


@contextmanager
def real_services(
    root: Path, *, signing_key: SigningKey, orders_secret: str, issuer: str, audience: str
) -> Iterator[Services]:
    """accounts and catalog, migrated, running and each behind a proxy; orders' service client
    registered on accounts with ``orders_secret``. Stopped at the end."""
    ports = {name: free_port() for name in ("accounts", "catalog", "orders")}
    keys_file = write_key(root / "secrets" / "jwt-signing-keys.pem", signing_key.private_pem())
    client_secrets = {"catalog": secrets.token_urlsafe(32), "orders": orders_secret}
    processes = {
        name: service_process(
            name,
            dbname=f"orders_tests_{name}",
            ports=ports,
            run_dir=root / name,
            signing_keys_file=keys_file,
            client_secret=client_secrets.get(name, ""),
            extra_env=ACCOUNTS_ENV if name == "accounts" else {},
        )
        for name in ("accounts", "catalog")
    }
    register_service_clients(manage_env(processes["accounts"]), client_secrets)
    catalog_env = manage_env(processes["catalog"])
    with running(list(processes.values())), local_http_server() as to_accounts, local_http_server() as to_catalog:
        for process in processes.values():
            process.wait_ready(timeout=90)
        accounts = Accounts(
            proxy=FaultProxy(to_accounts, processes["accounts"].base_url),
            base_url=processes["accounts"].base_url,
            database_url=processes["accounts"].env["DATABASE_URL"],
            signing_key=signing_key,
            issuer=issuer,
            audience=audience,
        )
        catalog = Catalog(
            proxy=FaultProxy(to_catalog, processes["catalog"].base_url),
            base_url=processes["catalog"].base_url,
            database_url=processes["catalog"].env["DATABASE_URL"],
            accounts=accounts,
            expire_job=lambda: manage(SERVICES_BY_NAME["catalog"], catalog_env, "expire_reservations"),
        )
        try:
            yield Services(accounts=accounts, catalog=catalog)
        finally:
            accounts.proxy.close()
            catalog.proxy.close()
