"""Our own services as real gunicorn processes for the test suites that call them, with a
fault-injecting HTTP proxy in front of each.

A suite that tests one service in-process (pytest-django) and calls others starts them here, once
per session, on databases of its own on the embedded PostgreSQL, as tests/e2e starts the whole
system (devtools/devstack.py). Between the code under test and each service sits a
``FaultProxy``: it forwards every request and records it, and a test can make it answer
something else instead (a 503, a dropped connection, a slow or made-up answer), lose the real
answer after the service acted on the request, or rewrite the request on its way.

Toxiproxy, the maintained fault proxy (not packaged for Debian; its PyPI clients drive its Go
server), works on TCP streams: it cannot pick a request by its path nor answer a 503, which the
resilience tests need. This proxy is the stdlib HTTP server of devtools/testing/http_server.py
forwarding through httpx, with the scope above and no more.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg

from devtools.devstack import (
    ServiceProcess,
    free_port,
    manage,
    running,
    write_signing_key,
)
from devtools.testing.http_server import Answer, LocalHTTPServer, Received, local_http_server
from tests.live_system import manage_env, service_process

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

    def close(self) -> None:
        """Close the connections to the service (gunicorn would wait for them when it stops)."""
        self._client.close()

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


def create_service_client(accounts: ServiceProcess, client_id: str, secret: str, scopes: Iterable[str]) -> None:
    """Register (or update) a service client on accounts, as ``create_service_client`` does for
    the dev runner."""
    scope_args = [arg for scope in scopes for arg in ("--scope", scope)]
    env = {**manage_env(accounts), "SERVICE_CLIENT_SECRET": secret}
    manage(
        accounts.spec,
        env,
        "create_service_client",
        client_id,
        *scope_args,
        "--secret-from-env",
        "SERVICE_CLIENT_SECRET",
    )


def execute(url: str, statement: str, *params: object) -> list[tuple[object, ...]]:
    """Run one statement on a service's database (what a test arranges or checks behind the
    service's API); its rows, if it returns any."""
    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(statement, params)
        return list(cursor.fetchall()) if cursor.description else []


def write_key(path: Path, pem: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pem)
    path.chmod(0o600)
    return path


# --- accounts for the admin sign-in tests -----------------------------------------------------

# The service client the service under test signs people in with, and one without the relay
# scope (a sign-in needs it).
CLIENT_ID = "service-under-test"
NO_RELAY_CLIENT_ID = "service-without-relay"
RELAY_SCOPE = "accounts.sign-in:relay"
# The lock-out's cool-off: 5 minutes rather than production's 15.
COOLOFF_SECONDS = 300
ACCOUNTS_ENV = {
    "AXES_COOLOFF_TIME": str(COOLOFF_SECONDS),
    "THROTTLE_RATE_REGISTER": "10000/hour",
    "THROTTLE_RATE_TOKEN": "10000/minute",
    "THROTTLE_RATE_SERVICE_TOKEN": "10000/minute",
}


class BehindProxy:
    """A real service as the code under test reaches it: through its ``proxy``."""

    proxy: FaultProxy

    @property
    def url(self) -> str:
        return self.proxy.url

    @property
    def server(self) -> LocalHTTPServer:
        return self.proxy.server


@dataclass(frozen=True)
class Person:
    id: str
    email: str


@dataclass
class RealAccounts(BehindProxy):
    """accounts for admin sign-in tests: people registered through its API; their flags and
    groups, which only an accounts administrator changes, written to its database. The people a
    test added and every lock-out are deleted after it."""

    proxy: FaultProxy
    base_url: str
    database_url: str
    client_secret: str
    no_relay_secret: str = ""
    _added: set[str] = field(default_factory=set)

    def add(
        self,
        email: str,
        password: str,
        *,
        is_staff: bool = False,
        is_superuser: bool = False,
        is_active: bool = True,
        groups: tuple[str, ...] = (),
    ) -> Person:
        """Someone on accounts with this password, flags and groups (registered if new)."""
        rows = execute(self.database_url, "SELECT id FROM accounts_user WHERE email = %s", email)
        if not rows:
            body = {"email": email, "password": password, "full_name": ""}
            reply = httpx.post(f"{self.base_url}/api/v1/auth/register/", json=body, timeout=30)
            assert reply.status_code == 202, reply.text
            rows = execute(self.database_url, "SELECT id FROM accounts_user WHERE email = %s", email)
            assert rows, f"accounts did not register {email}"
        person_id = rows[0][0]
        self._added.add(email)
        execute(
            self.database_url,
            "UPDATE accounts_user SET is_staff = %s, is_superuser = %s, is_active = %s WHERE id = %s",
            is_staff,
            is_superuser,
            is_active,
            person_id,
        )
        execute(self.database_url, "DELETE FROM accounts_user_groups WHERE user_id = %s", person_id)
        for group in groups:
            execute(self.database_url, "INSERT INTO auth_group (name) VALUES (%s) ON CONFLICT DO NOTHING", group)
            execute(
                self.database_url,
                "INSERT INTO accounts_user_groups (user_id, group_id) SELECT %s, id FROM auth_group WHERE name = %s",
                person_id,
                group,
            )
        return Person(id=str(person_id), email=email)

    def end_test(self) -> None:
        """Forget the faults, the people added and every lock-out."""
        self.proxy.reset()
        ids = [
            id_
            for (id_,) in execute(
                self.database_url, "SELECT id FROM accounts_user WHERE email = ANY(%s)", list(self._added)
            )
        ]
        # Django's foreign keys do not cascade in the database: the rows that refer to a person
        # (groups, addresses, refresh tokens, ...) go first.
        referring = execute(
            self.database_url,
            "SELECT c.conrelid::regclass::text, a.attname FROM pg_constraint c"
            " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
            " WHERE c.contype = 'f' AND c.confrelid = 'accounts_user'::regclass",
        )
        for table, column in referring:
            execute(self.database_url, f'DELETE FROM {table} WHERE "{column}" = ANY(%s)', ids)
        execute(self.database_url, "DELETE FROM accounts_user WHERE id = ANY(%s)", ids)
        self._added.clear()
        execute(self.database_url, "TRUNCATE axes_accessattempt, axes_accessfailurelog, axes_accesslog CASCADE")


@contextmanager
def real_accounts(root: Path, *, dbname_prefix: str) -> Iterator[RealAccounts]:
    """accounts alone, for a service whose admin signs staff in through it, with the service
    clients ``CLIENT_ID`` (relay scope) and ``NO_RELAY_CLIENT_ID``; stopped at the end."""
    secrets_by_client = {CLIENT_ID: secrets.token_urlsafe(32), NO_RELAY_CLIENT_ID: secrets.token_urlsafe(32)}
    process = service_process(
        "accounts",
        dbname=f"{dbname_prefix}_accounts",
        ports={"accounts": free_port()},
        run_dir=root / "accounts",
        signing_keys_file=write_signing_key(root / "secrets" / "jwt-signing-keys.pem"),
        client_secret="",
        extra_env=ACCOUNTS_ENV,
    )
    create_service_client(process, CLIENT_ID, secrets_by_client[CLIENT_ID], [RELAY_SCOPE])
    create_service_client(process, NO_RELAY_CLIENT_ID, secrets_by_client[NO_RELAY_CLIENT_ID], ["accounts.users:read"])
    with running([process]), local_http_server() as server:
        process.wait_ready(timeout=90)
        proxy = FaultProxy(server, process.base_url)
        try:
            yield RealAccounts(
                proxy=proxy,
                base_url=process.base_url,
                database_url=process.env["DATABASE_URL"],
                client_secret=secrets_by_client[CLIENT_ID],
                no_relay_secret=secrets_by_client[NO_RELAY_CLIENT_ID],
            )
        finally:
            proxy.close()
