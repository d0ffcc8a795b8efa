"""The system under test: PostgreSQL, a migrated and filled catalog database, catalog under gunicorn.

Built from devtools.devstack, like `make run`, so the benchmark measures the processes a
deployment runs: gunicorn with its real settings, over real HTTP.
"""

from __future__ import annotations

import http.client
import json
import re
import secrets
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
import psycopg

from bench.postgres import start_bench_postgres
from devtools.devstack import (
    REPO_ROOT,
    SERVICES_BY_NAME,
    ServiceProcess,
    create_database,
    database_url,
    free_port,
    local_environment,
)
from devtools.testing.http_server import Answer, LocalHTTPServer
from devtools.testing.tokens import SigningKey, jwks, user_claims

RUN_DIR = REPO_ROOT / ".data" / "bench-run"
CATALOG = SERVICES_BY_NAME["catalog"]


@dataclass
class Stack:
    server_url: str
    database_url: str
    env: dict[str, str]
    web: ServiceProcess | None = None
    key: SigningKey = field(default_factory=SigningKey.generate)

    def connect(self) -> psycopg.Connection[Any]:
        return psycopg.connect(self.database_url, autocommit=True)

    def manage(self, *args: str) -> float:
        """Run catalog's manage.py; its wall time in seconds."""
        seconds, _output = self.manage_output(*args)
        return seconds

    def manage_output(self, *args: str) -> tuple[float, str]:
        """Run catalog's manage.py; its wall time in seconds and what it wrote to stdout."""
        seconds, stdout, _peak = self.manage_measured(*args)
        return seconds, stdout

    def manage_measured(self, *args: str) -> tuple[float, str, int]:
        """Run catalog's manage.py; its wall time in seconds, what it wrote to stdout and its
        peak resident set size in bytes (sampled every 20 ms)."""
        started = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603  (this repository's manage.py, our arguments)
            [sys.executable, str(CATALOG.manage_py), *args],
            env=self.env,
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        with RSSSampler(process.pid, include_master=True) as sampler:
            stdout, stderr = process.communicate()
        if process.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{stdout}\n{stderr}")
        return time.perf_counter() - started, stdout, sampler.peak

    def staff_token(self) -> str:
        claims = user_claims(is_staff=True, email="bench@example.com", issuer="mercato-accounts", audience="mercato")
        return self.key.sign(claims)


@contextmanager
def stack(*, dbname: str = "bench_catalog", fresh: bool) -> Iterator[Stack]:
    """PostgreSQL with the catalog database (recreated when ``fresh``) and a fake accounts JWKS."""
    server = start_bench_postgres()
    server_url = server.get_uri()
    create_database(server_url, dbname, recreate=fresh)
    jwks_server = LocalHTTPServer()
    key = SigningKey.generate()
    jwks_server.respond = lambda received: Answer.json(jwks(key))
    jwks_server.start()
    port = free_port()
    env = local_environment(
        CATALOG,
        database_url=database_url(server_url, dbname),
        ports={"catalog": port, "accounts": 1},
        secret_key=secrets.token_urlsafe(50),
        run_dir=RUN_DIR,
        signing_keys_file=RUN_DIR / "unused.pem",
        client_secret="",
    )
    env["ACCOUNTS_URL"] = jwks_server.url
    # manage.py puts its own directory first on sys.path; naming the repository makes every
    # child import this checkout, whatever an installed copy of the package points at.
    env["PYTHONPATH"] = str(REPO_ROOT)
    env["LOG_LEVEL"] = "INFO"
    env = {**_inherited_environment(), **env}
    try:
        yield Stack(server_url=server_url, database_url=database_url(server_url, dbname), env=env, key=key)
    finally:
        jwks_server.stop()


def _inherited_environment() -> dict[str, str]:
    import os

    return {name: value for name, value in os.environ.items() if name in {"PATH", "HOME", "LANG", "TMPDIR"}}


@contextmanager
def web(stack: Stack, log_path: Path) -> Iterator[ServiceProcess]:
    log_path.unlink(missing_ok=True)
    process = ServiceProcess.web(CATALOG, stack.env, metrics_dir=RUN_DIR / "prometheus", log_path=log_path)
    process.start()
    try:
        process.wait_ready(timeout=120)
        stack.web = process
        yield process
    finally:
        process.stop()
        stack.web = None


# --- HTTP -------------------------------------------------------------------------------------


class Client:
    """One keep-alive HTTP connection; every request carries a fresh X-Request-ID, so its
    server-side duration can be found in the request log."""

    def __init__(self, base_url: str, token: str | None = None) -> None:
        parsed = urllib.parse.urlsplit(base_url)
        self.connection = http.client.HTTPConnection(parsed.hostname or "127.0.0.1", parsed.port, timeout=600)
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path: str) -> tuple[str, int, bytes, float]:
        """(request id, status, body, client-side seconds)."""
        request_id = uuid.uuid4().hex
        started = time.perf_counter()
        self.connection.request("GET", path, headers={**self.headers, "X-Request-ID": request_id})
        response = self.connection.getresponse()
        body = response.read()
        return request_id, response.status, body, time.perf_counter() - started

    def stream(self, path: str, sink: Any = None) -> tuple[int, int, float, float]:
        """GET a streamed body without keeping it: (status, bytes, seconds to first byte, total seconds)."""
        started = time.perf_counter()
        self.connection.request("GET", path, headers={**self.headers, "X-Request-ID": uuid.uuid4().hex})
        response = self.connection.getresponse()
        first = response.read1(65536)
        first_byte = time.perf_counter() - started
        size = len(first)
        if sink is not None:
            sink(first)
        while piece := response.read1(1 << 20):
            size += len(piece)
            if sink is not None:
                sink(piece)
        return response.status, size, first_byte, time.perf_counter() - started

    def close(self) -> None:
        self.connection.close()


_REQUEST_LINE = re.compile(r'"message": "request"')


def server_durations(log_path: Path, request_ids: set[str]) -> dict[str, float]:
    """duration_ms of the requests ``request_ids`` from the service's JSON request log."""
    found: dict[str, float] = {}
    for line in log_path.read_text(errors="replace").splitlines():
        if not _REQUEST_LINE.search(line):
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if record.get("request_id") in request_ids:
            found[record["request_id"]] = float(record["duration_ms"])
    return found


# --- memory -----------------------------------------------------------------------------------


class RSSSampler:
    """Samples the resident set size of gunicorn's workers (the master's children) while running;
    with ``include_master``, of the process itself too (a management command)."""

    def __init__(self, master_pid: int, interval: float = 0.02, *, include_master: bool = False) -> None:
        self.master = psutil.Process(master_pid)
        self.interval = interval
        self.include_master = include_master
        self.peak_by_pid: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def workers(self) -> list[psutil.Process]:
        children: list[psutil.Process] = self.master.children(recursive=True)
        return [self.master, *children] if self.include_master else children

    def _run(self) -> None:
        while not self._stop.is_set():
            for worker in self.workers():
                try:
                    rss = worker.memory_info().rss
                except psutil.NoSuchProcess:
                    continue
                self.peak_by_pid[worker.pid] = max(self.peak_by_pid.get(worker.pid, 0), rss)
            self._stop.wait(self.interval)

    def __enter__(self) -> RSSSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak(self) -> int:
        return max(self.peak_by_pid.values(), default=0)
