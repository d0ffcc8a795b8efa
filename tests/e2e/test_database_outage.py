"""A service whose database hangs or drops its sessions, with real processes: catalog's web
process on a PostgreSQL server of its own.

- Every process of that server frozen (SIGSTOP) and resumed: /metrics still answers within its
  limit (common/metrics.py), with the request metrics that show the outage and without the
  series read from the database, and serves those again once the database is back.
- Frozen, probed as a kubelet probes: /readyz answers 503 within its limit instead of holding a
  thread until the database answers, so that probes never take every thread and /healthz (the
  liveness probe) still answers: a database outage restarts no pod (common/health.py).
- Every session of that server ended (what a restart, a failover or a switchover does to the
  connections kept in the web workers' pools): no request fails for it (CONN_HEALTH_CHECKS).
- A request's own session ended while it runs: a 503 with Retry-After in the error shape
  (common/exception_handler.py, and common/errors.py for pages outside DRF), not a 500.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from devtools.devstack import ServiceProcess, free_port, release_embedded_postgres, start_embedded_postgres
from tests.live_system import service_process, started

DATABASE_SERIES = "mercato_catalog_search_waiting_products"
REQUEST_SERIES = "mercato_django_http_responses_total_by_status_total"


@pytest.fixture(scope="module")
def catalog_and_its_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServiceProcess, Any]]:
    root = tmp_path_factory.mktemp("outage")
    server = start_embedded_postgres(root / "postgres")
    session_url = os.environ["DATABASE_URL"]
    os.environ["DATABASE_URL"] = server.get_uri("postgres")  # where service_process makes the database
    try:
        catalog = service_process(
            "catalog",
            dbname="outage_catalog",
            ports={"accounts": free_port(), "catalog": free_port()},
            run_dir=root / "catalog",
            extra_env={"METRICS_COLLECTORS_TIMEOUT": "1", "READYZ_TIMEOUT": "1"},
        )
    finally:
        os.environ["DATABASE_URL"] = session_url
    try:
        with started([catalog]):
            yield catalog, server
    finally:
        release_embedded_postgres(server)


@pytest.fixture(scope="module")
def catalog_on_its_own_database(catalog_and_its_server: tuple[ServiceProcess, Any]) -> tuple[ServiceProcess, Path]:
    catalog, server = catalog_and_its_server
    return catalog, Path(server.pgdata)


def server_processes(data_dir: Path) -> list[int]:
    """The postmaster of the server in ``data_dir`` and its children (backends, WAL writer...)."""
    postmaster = int((data_dir / "postmaster.pid").read_text().split()[0])
    children = [
        int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit() and _parent_of(entry) == postmaster
    ]
    return [postmaster, *children]


def _parent_of(proc_entry: Path) -> int | None:
    try:
        stat = (proc_entry / "stat").read_text()
    except OSError:  # gone meanwhile
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


@contextmanager
def frozen(data_dir: Path) -> Iterator[None]:
    pids = server_processes(data_dir)
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGCONT)


def scrape(catalog: ServiceProcess) -> tuple[float, httpx.Response]:
    started_at = time.monotonic()
    reply = httpx.get(f"{catalog.base_url}/metrics", timeout=30)
    return time.monotonic() - started_at, reply


def test_metrics_answer_while_the_database_hangs(catalog_on_its_own_database: tuple[ServiceProcess, Path]) -> None:
    catalog, data_dir = catalog_on_its_own_database
    _, before = scrape(catalog)
    assert before.status_code == 200
    assert DATABASE_SERIES in before.text

    with frozen(data_dir):
        for _ in range(2):  # the second finds the first scrape's collection still waiting
            seconds, reply = scrape(catalog)
            assert reply.status_code == 200
            assert seconds < 4, seconds  # the limit (1 s), not the database's timeouts (5 and 10 s)
            assert REQUEST_SERIES in reply.text
            assert DATABASE_SERIES not in reply.text
            assert "mercato_metrics_collectors_timeouts_total" in reply.text

    deadline = time.monotonic() + 30
    while DATABASE_SERIES not in scrape(catalog)[1].text:
        assert time.monotonic() < deadline, "the database's series did not come back"
        time.sleep(0.5)


def test_probes_answer_while_the_database_hangs(catalog_on_its_own_database: tuple[ServiceProcess, Path]) -> None:
    catalog, data_dir = catalog_on_its_own_database
    with httpx.Client(timeout=10) as client:
        assert client.get(f"{catalog.base_url}/readyz").status_code == 200
        with frozen(data_dir):
            # More readiness probes at once than the web process has threads (WEB_WORKERS x
            # WEB_THREADS), as a kubelet's and a load balancer's probes pile up in an outage.
            def probe(_: int) -> tuple[int, float]:
                started_at = time.monotonic()
                reply = client.get(f"{catalog.base_url}/readyz")
                return reply.status_code, time.monotonic() - started_at

            with ThreadPoolExecutor(max_workers=12) as pool:
                probes = list(pool.map(probe, range(12)))
            assert {status for status, _ in probes} == {503}, probes
            assert max(seconds for _, seconds in probes) < 6, probes  # the limit (1 s), queued in threads
            alive = client.get(f"{catalog.base_url}/healthz", timeout=3)
            assert alive.status_code == 200
            not_ready = client.get(f"{catalog.base_url}/readyz", timeout=5)
            assert not_ready.status_code == 503
            assert not_ready.json()["reason"] == "database check not done within 1.0 s"
        deadline = time.monotonic() + 30
        while client.get(f"{catalog.base_url}/readyz").status_code != 200:
            assert time.monotonic() < deadline, "not ready again after the database came back"
            time.sleep(0.5)


def test_a_database_that_ends_every_session_costs_no_request(
    catalog_and_its_server: tuple[ServiceProcess, Any],
) -> None:
    catalog, server = catalog_and_its_server
    products = f"{catalog.base_url}/api/v1/products/"
    with httpx.Client(timeout=30) as client:

        def read(_: int) -> int:
            return client.get(products).status_code

        # Requests at once, so that each web worker's pool holds several connections.
        with ThreadPoolExecutor(max_workers=8) as pool:
            assert set(pool.map(read, range(64))) == {200}
        with psycopg.connect(server.get_uri("postgres"), autocommit=True) as admin:
            sessions = admin.execute("SELECT pid FROM pg_stat_activity WHERE datname = 'outage_catalog'").fetchall()
            for (pid,) in sessions:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        assert len(sessions) >= 2, sessions  # the web workers' pooled connections (2 each at least)
        statuses = [read(n) for n in range(40)]
    assert statuses == [200] * 40, statuses


def test_a_request_whose_session_ends_under_it_answers_503(
    catalog_and_its_server: tuple[ServiceProcess, Any],
) -> None:
    """A restart, a failover or a terminated session in the middle of a request: a 503 the client
    retries, in the error shape with Retry-After, not a 500; and the next request is served."""
    catalog, server = catalog_and_its_server
    products = f"{catalog.base_url}/api/v1/products/"
    with httpx.Client(timeout=30) as client:
        assert client.get(products).status_code == 200
        with psycopg.connect(server.get_uri("outage_catalog")) as holder:
            # The request's read waits behind this lock, so its session is certainly in use when
            # it is ended.
            holder.execute("LOCK TABLE catalog_product IN ACCESS EXCLUSIVE MODE")
            with ThreadPoolExecutor(max_workers=1) as pool:
                pending = pool.submit(client.get, products)
                waiting = _await_lock_waiter(holder)
                holder.execute("SELECT pg_terminate_backend(%s)", (waiting,))
                reply = pending.result()
            holder.rollback()
        assert reply.status_code == 503, reply.text
        assert reply.headers["Retry-After"] == "1"
        assert reply.json() == {
            "type": "server_error",
            "errors": [
                {
                    "code": "database_unavailable",
                    "detail": "The database is unavailable; try again shortly.",
                    "attr": None,
                }
            ],
        }
        assert client.get(products).status_code == 200


def test_an_admin_page_whose_session_ends_under_it_answers_503(
    catalog_and_its_server: tuple[ServiceProcess, Any],
) -> None:
    """The same for the admin, outside DRF: the page reads the staff member's session when the
    database's session ends (Django's 500 handler, common/errors.py), then is served again."""
    catalog, server = catalog_and_its_server
    admin = f"{catalog.base_url}/admin/"
    # Any session cookie makes the page look its session up in the database.
    cookies = {"sessionid": "a-session-the-database-is-asked-for"}
    with httpx.Client(timeout=30, cookies=cookies) as client:
        assert client.get(admin).status_code == 302  # to the sign-in page: no such session
        with psycopg.connect(server.get_uri("outage_catalog")) as holder:
            holder.execute("LOCK TABLE django_session IN ACCESS EXCLUSIVE MODE")
            with ThreadPoolExecutor(max_workers=1) as pool:
                pending = pool.submit(client.get, admin)
                holder.execute("SELECT pg_terminate_backend(%s)", (_await_lock_waiter(holder),))
                reply = pending.result()
            holder.rollback()
        assert reply.status_code == 503, reply.text
        assert reply.headers["Retry-After"] == "1"
        assert reply.json()["errors"][0]["code"] == "database_unavailable"
        assert client.get(admin).status_code == 302


def _await_lock_waiter(holder: psycopg.Connection[Any]) -> int:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        # In a transaction, which would otherwise keep reading the first snapshot of the activity.
        holder.execute("SELECT pg_stat_clear_snapshot()")
        row = holder.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = 'outage_catalog' AND wait_event_type = 'Lock'"
        ).fetchone()
        if row is not None:
            return int(row[0])
        time.sleep(0.05)
    raise AssertionError("no request waited for the lock")
