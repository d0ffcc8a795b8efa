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
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import httpx
import psycopg

from devtools.devstack import (
    SERVICES_BY_NAME,
    ServiceProcess,
    create_database,
    database_url,
    local_environment,
    manage,
)
from devtools.testing.http_server import Answer, LocalHTTPServer, Received

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


def service_process(
    name: str,
    *,
    dbname_prefix: str,
    server_url: str,
    ports: dict[str, int],
    run_dir: Path,
    signing_keys_file: Path,
    client_secret: str,
    extra_env: Mapping[str, str],
) -> ServiceProcess:
    spec = SERVICES_BY_NAME[name]
    dbname = f"{dbname_prefix}_{name}"
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


def manage_env(process: ServiceProcess) -> dict[str, str]:
    """A web process's environment for a ``manage.py`` run beside it (without the metrics
    directory of the server: a one-off command's samples are not the server's)."""
    return {key: value for key, value in process.env.items() if key != "PROMETHEUS_MULTIPROC_DIR"}


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
        cursor = conn.execute(statement, params)  # type: ignore[arg-type]
        return list(cursor.fetchall()) if cursor.description else []


def write_key(path: Path, pem: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pem)
    path.chmod(0o600)
    return path
