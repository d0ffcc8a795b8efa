"""The real accounts for tests/common's sign-in tests, started once per session behind a fault
proxy (tests/real_services.py), on the database ``common_tests_accounts``.

People are registered through accounts' API; their flags and groups, which only an accounts
administrator changes, are written to its database. After each test, accounts' people and
lock-outs are deleted (its service clients stay), so the tests' fixed emails stay independent.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from devtools.devstack import free_port, running, write_signing_key
from devtools.testing.http_server import LocalHTTPServer, local_http_server
from tests.real_services import FaultProxy, create_service_client, execute, service_process

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
# What accounts keeps of people: emptied after each test.
PEOPLE_TABLES = ("accounts_user", "axes_accessattempt", "axes_accessfailurelog", "axes_accesslog")


@dataclass(frozen=True)
class Person:
    id: str
    email: str


@dataclass
class RealAccounts:
    proxy: FaultProxy
    base_url: str
    database_url: str
    client_secret: str
    no_relay_secret: str

    @property
    def url(self) -> str:
        return self.proxy.url

    @property
    def server(self) -> LocalHTTPServer:
        return self.proxy.server

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
        self.proxy.reset()
        tables = ", ".join(f'"{name}"' for name in PEOPLE_TABLES)
        execute(self.database_url, f"TRUNCATE {tables} CASCADE")


@contextmanager
def real_accounts(root: Path, *, server_url: str) -> Iterator[RealAccounts]:
    secrets_by_client = {CLIENT_ID: secrets.token_urlsafe(32), NO_RELAY_CLIENT_ID: secrets.token_urlsafe(32)}
    process = service_process(
        "accounts",
        dbname_prefix="common_tests",
        server_url=server_url,
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
        yield RealAccounts(
            proxy=FaultProxy(server, process.base_url),
            base_url=process.base_url,
            database_url=process.env["DATABASE_URL"],
            client_secret=secrets_by_client[CLIENT_ID],
            no_relay_secret=secrets_by_client[NO_RELAY_CLIENT_ID],
        )
