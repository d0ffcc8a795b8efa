"""The whole system for the orders benchmark: PostgreSQL and the three services under gunicorn,
built from devtools.devstack like `make run` and tests/e2e, each on a fresh database."""

from __future__ import annotations

import http.client
import json
import secrets
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from bench.postgres import DATA_DIR, start_bench_postgres
from devtools.devstack import (
    REPO_ROOT,
    SERVICES,
    SERVICES_BY_NAME,
    ServiceProcess,
    create_database,
    database_url,
    free_port,
    local_environment,
    manage,
    register_service_clients,
    running,
    write_signing_key,
)

RUN_DIR = REPO_ROOT / ".data" / "bench-run-orders"
STAFF_EMAIL = "bench-staff@bench.example"
# seed_demo creates this customer with the demo admin's password.
DEMO_CUSTOMER_EMAIL = "customer@mercato.local"
PASSWORD = "Bench-river-4821"  # noqa: S105  (a throwaway local benchmark account)


@dataclass
class System:
    processes: dict[str, ServiceProcess]
    # The PostgreSQL server (a psycopg URL) holding the three databases, and its log file.
    server_uri: str = ""
    server_log: str = ""

    def url(self, service: str) -> str:
        return self.processes[service].base_url


@contextmanager
def system() -> Iterator[System]:
    server = start_bench_postgres()
    ports = {spec.name: free_port() for spec in SERVICES}
    keys = write_signing_key(RUN_DIR / "jwt-signing-keys.pem")
    client_secrets = {spec.name: secrets.token_urlsafe(32) for spec in SERVICES if spec.scopes}
    processes = {}
    for spec in SERVICES:
        dbname = f"bench_orders_{spec.name}"
        create_database(server.get_uri(), dbname, recreate=True)
        env = local_environment(
            spec,
            database_url=database_url(server.get_uri(), dbname),
            ports=ports,
            secret_key=secrets.token_urlsafe(50),
            run_dir=RUN_DIR / spec.name,
            signing_keys_file=keys,
            client_secret=client_secrets.get(spec.name, ""),
        )
        # manage.py puts its own directory first on sys.path; naming the repository makes every
        # child import this checkout, whatever an installed copy of the package points at.
        env["PYTHONPATH"] = str(REPO_ROOT)
        manage(spec, env, "migrate", "--noinput")
        processes[spec.name] = ServiceProcess.web(
            spec, env, metrics_dir=RUN_DIR / spec.name / "prometheus", log_path=RUN_DIR / spec.name / "server.log"
        )
    accounts_env = {k: v for k, v in processes["accounts"].env.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    register_service_clients(accounts_env, client_secrets)
    manage(
        SERVICES_BY_NAME["accounts"],
        {**accounts_env, "DEMO_ADMIN_EMAIL": STAFF_EMAIL, "DEMO_ADMIN_PASSWORD": PASSWORD},
        "seed_demo",
    )
    for process in processes.values():
        (RUN_DIR / process.spec.name / "server.log").unlink(missing_ok=True)
    with running(list(processes.values())):
        for process in processes.values():
            process.wait_ready(timeout=120)
        yield System(processes, server_uri=server.get_uri(), server_log=str(DATA_DIR / "log"))


class Client:
    """Keep-alive HTTP/1.1, one connection per thread."""

    def __init__(self, base_url: str) -> None:
        parsed = urllib.parse.urlsplit(base_url)
        self.host, self.port = parsed.hostname or "127.0.0.1", parsed.port
        self.local = threading.local()

    def request(
        self, method: str, path: str, *, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, Any, float]:
        """(status, decoded JSON body, seconds)."""
        connection = getattr(self.local, "connection", None)
        if connection is None:
            connection = self.local.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        data = json.dumps(body).encode() if body is not None else None
        all_headers = {"Content-Type": "application/json", **(headers or {})} if data else dict(headers or {})
        started = time.perf_counter()
        try:
            connection.request(method, path, body=data, headers=all_headers)
            response = connection.getresponse()
            payload = response.read()
        except (http.client.HTTPException, OSError):
            self.local.connection = None
            raise
        elapsed = time.perf_counter() - started
        return response.status, json.loads(payload) if payload else None, elapsed
