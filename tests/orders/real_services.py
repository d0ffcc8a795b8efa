"""accounts and catalog as real gunicorn processes for tests/orders, behind a fault-injecting proxy.

orders runs in the test process (pytest-django, its own test database); the services it calls
are the real ones, started once per session on the embedded PostgreSQL (databases
``orders_tests_accounts`` and ``orders_tests_catalog``), as tests/e2e starts them. Between
orders and each of them sits a ``FaultProxy``: it forwards every request and records it, and a
test can make it answer something else instead (a 503, a dropped connection, a slow answer) or
lose the real answer after the service has acted on the request. Toxiproxy (not packaged for
Debian; the PyPI clients need its Go server) works on TCP streams and cannot pick a request by
its path nor answer a 503, which the resilience tests need; this proxy is the stdlib HTTP server
of common/testing/http_server.py forwarding through httpx.

Each test starts from an empty catalog (its tables are truncated after the test), so the fixed
SKUs of the tests ("MUG-1") stay independent. accounts keeps its users for the session: a test
gets fresh ones from ``Accounts.user``; orders' own rows roll back with the test database.
"""

from __future__ import annotations

import dataclasses
import json
import secrets
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg

from common.devstack import (
    SERVICES_BY_NAME,
    ServiceProcess,
    create_database,
    database_url,
    free_port,
    local_environment,
    manage,
    register_service_clients,
    running,
)
from common.testing.http_server import Answer, LocalHTTPServer, Received, local_http_server
from common.testing.tokens import SigningKey, user_claims

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
# Hop-by-hop headers, and the length httpx recomputes: not forwarded either way.
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host", "content-encoding"}


class FaultProxy:
    """An HTTP proxy to ``upstream`` that records requests and injects the faults a test sets."""

    def __init__(self, server: LocalHTTPServer, upstream: str) -> None:
        self.server = server
        self.upstream = upstream
        # For the next requests that match: (predicate, answer), used once each.
        self.faults: list[tuple[Callable[[Received], bool], Answer]] = []
        # Forwards the matching request, then drops the connection (the answer is lost on the way).
        self.lose_answer_of: Callable[[Received], bool] | None = None
        self.down = False  # drop every connection unanswered
        # Rewrites each request before it is forwarded (an older version of the service).
        self.rewrite: Callable[[Received], Received] | None = None
        self._lock = threading.Lock()
        self._client = httpx.Client(base_url=upstream, timeout=30)
        server.respond = self.respond

    @property
    def url(self) -> str:
        return self.server.url

    def fail(self, predicate: Callable[[Received], bool], answer: Answer, times: int = 1) -> None:
        with self._lock:
            self.faults.extend([(predicate, answer)] * times)

    def reset(self) -> None:
        with self._lock:
            self.faults.clear()
            self.lose_answer_of = None
            self.down = False
            self.rewrite = None
        with self.server._lock:
            self.server.requests.clear()

    def respond(self, received: Received) -> Answer:
        with self._lock:
            if self.down:
                return Answer(drop=True)
            for index, (predicate, answer) in enumerate(self.faults):
                if predicate(received):
                    del self.faults[index]
                    return answer
            lose = self.lose_answer_of is not None and self.lose_answer_of(received)
            if lose:
                self.lose_answer_of = None
        answer = self.forward(received)
        return Answer(drop=True) if lose else answer

    def forward(self, received: Received) -> Answer:
        if self.rewrite is not None:
            received = self.rewrite(received)
        headers = {name: value for name, value in received.headers.items() if name.lower() not in HOP_HEADERS}
        reply = self._client.request(received.method, received.path, headers=headers, content=received.body)
        return Answer(
            status=reply.status_code,
            body=reply.content,
            headers={name: value for name, value in reply.headers.items() if name.lower() not in HOP_HEADERS},
        )


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
class Accounts:
    """accounts as orders sees it, through ``proxy``; ``base_url`` reaches it directly."""

    proxy: FaultProxy
    base_url: str
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
    def url(self) -> str:
        return self.proxy.url

    @property
    def server(self) -> LocalHTTPServer:
        return self.proxy.server

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
class Catalog:
    """catalog as orders sees it, through ``proxy``; products are created through its staff API
    and its state is read from its database (what a test checks, not what orders is told)."""

    proxy: FaultProxy
    base_url: str
    database_url: str
    accounts: Accounts
    # catalog's expiry job (manage.py expire_reservations), run once.
    expire_job: Callable[[], None]
    _category: str | None = None

    @property
    def url(self) -> str:
        return self.proxy.url

    @property
    def server(self) -> LocalHTTPServer:
        return self.proxy.server

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
        with psycopg.connect(self.database_url, autocommit=True) as conn:
            return list(conn.execute(query, params).fetchall())  # type: ignore[arg-type]

    def execute(self, statement: str, *params: Any) -> None:
        with psycopg.connect(self.database_url, autocommit=True) as conn:
            conn.execute(statement, params)  # type: ignore[arg-type]

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


def service_process(
    name: str,
    *,
    server_url: str,
    ports: dict[str, int],
    run_dir: Path,
    signing_keys_file: Path,
    client_secret: str,
    extra_env: Mapping[str, str],
) -> ServiceProcess:
    spec = SERVICES_BY_NAME[name]
    dbname = f"orders_tests_{name}"
    create_database(server_url, dbname, recreate=True)
    env = local_environment(
        spec,
        database_url=database_url(server_url, dbname),
        ports=ports,
        secret_key=secrets.token_urlsafe(50),
        run_dir=run_dir,
        signing_keys_file=signing_keys_file,
        client_secret=client_secret,
    )
    env.update(extra_env)
    manage(spec, env, "migrate", "--noinput")
    return ServiceProcess.web(spec, env, metrics_dir=run_dir / "prometheus", log_path=run_dir / "server.log")


@contextmanager
def real_services(
    root: Path, *, server_url: str, signing_key: SigningKey, orders_secret: str, issuer: str, audience: str
) -> Iterator[Services]:
    """accounts and catalog, migrated, running and each behind a proxy; orders' service client
    registered on accounts with ``orders_secret``. Stopped at the end."""
    ports = {name: free_port() for name in ("accounts", "catalog", "orders")}
    keys_file = root / "secrets" / "jwt-signing-keys.pem"
    keys_file.parent.mkdir(parents=True, exist_ok=True)
    keys_file.write_bytes(signing_key.private_pem())
    keys_file.chmod(0o600)
    client_secrets = {"catalog": secrets.token_urlsafe(32), "orders": orders_secret}
    processes = {
        name: service_process(
            name,
            server_url=server_url,
            ports=ports,
            run_dir=root / name,
            signing_keys_file=keys_file,
            client_secret=client_secrets.get(name, ""),
            extra_env=ACCOUNTS_ENV if name == "accounts" else {},
        )
        for name in ("accounts", "catalog")
    }
    env = {key: value for key, value in processes["accounts"].env.items() if key != "PROMETHEUS_MULTIPROC_DIR"}
    register_service_clients(env, client_secrets)
    catalog_env = {key: value for key, value in processes["catalog"].env.items() if key != "PROMETHEUS_MULTIPROC_DIR"}
    with running(list(processes.values())), local_http_server() as to_accounts, local_http_server() as to_catalog:
        for process in processes.values():
            process.wait_ready(timeout=90)
        accounts = Accounts(
            proxy=FaultProxy(to_accounts, processes["accounts"].base_url),
            base_url=processes["accounts"].base_url,
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
        yield Services(accounts=accounts, catalog=catalog)
