"""The three services and their workers behind PgBouncer in transaction mode (docs/deploy.md,
"Behind PgBouncer"): the order saga, an import run by catalog's worker, both CSV exports, and the
workers' jobs, with every service's DATABASE_URL pointing at a real PgBouncer
(devtools/testing/pgbouncer.py) that rotates each client's transactions over its server sessions.

catalog's worker has DATABASE_DIRECT_URL as well (its job queue LISTENs past the pooler); orders'
worker has only the pooler, and polls. Each test checks, through PgBouncer's SHOW STATS and the
server's pg_stat_activity, that the traffic went through the pooler and nothing else bypassed it.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
import pytest

from common.worker import DIRECT_APPLICATION_NAME
from devtools.devstack import ServiceProcess, database_url, running
from devtools.testing.pgbouncer import SERVER_ROLE, PgBouncer, running_pgbouncer
from tests.e2e.orders_support import CUSTOMER_PASSWORD, Person, create_product, person, place_order, register
from tests.e2e.web import call
from tests.live_system import STAFF_EMAIL, STAFF_PASSWORD, seed_staff, service_processes, started, worker_process

PREFIX = "pooled"
# Enough rows for two of the import's batches (5,000 rows each) and for three of the orders
# export's keyset chunks (2,000 each).
IMPORT_ROWS = 6_000
EXPORTED_ORDERS = 4_500
CHECKER = "pgbouncer-test-checker"  # application_name of this test's own direct connections
# psycopg's errors for a held cursor, a prepared statement or a temporary table that another
# server session does not have.
SESSION_ERRORS = ("InvalidCursorName", "InvalidSqlStatementName", "UndefinedTable", "_django_curs_")


@dataclass(frozen=True)
class PooledSystem:
    bouncer: PgBouncer
    processes: dict[str, ServiceProcess]
    workers: dict[str, ServiceProcess]

    def dbname(self, service: str) -> str:
        return f"{PREFIX}_{service}"

    def direct(self, service: str, query: str, *params: object) -> list[tuple[object, ...]]:
        """Rows of a query on a service's database, past the pooler (the test's own look)."""
        url = database_url(os.environ["DATABASE_URL"], self.dbname(service))
        with psycopg.connect(url, autocommit=True, application_name=CHECKER) as conn:
            cursor = conn.execute(query, params)
            return list(cursor.fetchall()) if cursor.description else []


@pytest.fixture(scope="module")
def pooled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PooledSystem]:
    root = tmp_path_factory.mktemp("pooled")
    server_url = os.environ["DATABASE_URL"]
    with running_pgbouncer(server_url, root / "pgbouncer") as bouncer:

        def env(name: str) -> dict[str, str]:
            values = {
                # Everything through the pooler, migrations included.
                "DATABASE_URL": bouncer.url(f"{PREFIX}_{name}"),
                "DATABASE_POOL_MODE": "transaction",
                # orders and accounts as docs/deploy.md advises behind PgBouncer; catalog keeps
                # the psycopg pool in front of it, which works as well.
                "DB_POOL": "true" if name == "catalog" else "false",
            }
            if name == "catalog":
                values["DATABASE_DIRECT_URL"] = database_url(server_url, f"{PREFIX}_{name}")
            return values

        processes = service_processes(root, dbname_prefix=PREFIX, extra_env=env)
        workers = {name: worker_process(processes[name], root / name / "worker.log") for name in ("catalog", "orders")}
        with started([*processes.values()]), running(list(workers.values())):
            seed_staff(processes["accounts"], STAFF_EMAIL, STAFF_PASSWORD)
            yield PooledSystem(bouncer, processes, workers)
        # No process met what a session-dependent feature meets behind this pooler.
        for process in [*processes.values(), *workers.values()]:
            log = process.log_path.read_text(errors="replace") if process.log_path else ""
            for error in SESSION_ERRORS:
                assert error not in log, f"{process.label}: {error}\n{process.log_tail()}"


@pytest.fixture(scope="module")
def staff(pooled: PooledSystem) -> Person:
    return person(pooled.processes, STAFF_EMAIL, STAFF_PASSWORD)


def test_the_pooler_rotates_sessions_so_session_state_cannot_hide(pooled: PooledSystem) -> None:
    """What the services must not rely on really breaks through this pooler: a temporary table
    is gone in the next transaction, and so is a statement psycopg prepared (after 5 runs)."""
    url = pooled.bouncer.url(pooled.dbname("accounts"))
    with psycopg.connect(url, autocommit=True, prepare_threshold=None) as conn:
        conn.execute("CREATE TEMPORARY TABLE session_state (x int)")
        sessions = {conn.execute("SELECT pg_backend_pid()").fetchone() for _ in range(6)}
        assert len(sessions) > 1  # consecutive transactions ran on different server sessions
        assert run_six_times(conn, "SELECT * FROM session_state") == "UndefinedTable"
    with psycopg.connect(url, autocommit=True, prepare_threshold=1) as conn:
        assert run_six_times(conn, "SELECT %s::int", 1) == "InvalidSqlStatementName"


def run_six_times(conn: psycopg.Connection[tuple[object, ...]], query: str, *params: object) -> str:
    """The name of the error the query met in six runs, or "" if none."""
    try:
        for _ in range(6):
            conn.execute(query, params or None)
    except psycopg.Error as exc:
        return type(exc).__name__
    return ""


def test_an_order_is_placed_and_confirmed_through_the_pooler(pooled: PooledSystem, staff: Person) -> None:
    before = {name: pooled.bouncer.stats(pooled.dbname(name))["total_xact_count"] for name in pooled.processes}
    customer = person(pooled.processes, register(pooled.processes), CUSTOMER_PASSWORD)
    sku = create_product(pooled.processes["catalog"].base_url, staff, stock=5, price="7.25")
    placed = place_order(pooled.processes["orders"].base_url, customer, [(sku, 2)])
    assert placed.status == 201, placed.body
    order = placed.json()
    assert (order["status"], order["total"]) == ("confirmed", "14.50")
    assert pooled.direct(
        "catalog",
        "SELECT on_hand FROM catalog_stocklevel WHERE product_id = (SELECT id FROM catalog_product WHERE sku = %s)",
        sku,
    ) == [(3,)]
    after = {name: pooled.bouncer.stats(pooled.dbname(name))["total_xact_count"] for name in pooled.processes}
    assert all(after[name] > before[name] for name in pooled.processes), (before, after)
    assert_nothing_bypasses_the_pooler(pooled)


def test_an_import_runs_in_the_worker_through_the_pooler(pooled: PooledSystem, staff: Person) -> None:
    catalog = pooled.processes["catalog"].base_url
    sku = create_product(catalog, staff, stock=1)
    category = "e2e-" + sku.removeprefix("E2E-").lower()
    tag = uuid.uuid4().hex[:6].upper()
    lines = ["sku,name,price,currency,category,stock"]
    lines += [f"POOL-{tag}-{i},Pooled {i},{i % 90 + 1}.50,EUR,{category},{i % 7}" for i in range(IMPORT_ROWS)]
    # The first SKU again, in the second batch: found through the SKUs the first batch loaded,
    # which outlive its transaction (a session's temporary table would not, here).
    lines.append(f"POOL-{tag}-0,Again,1.00,EUR,{category},1")
    before = pooled.bouncer.stats(pooled.dbname("catalog"))["total_xact_count"]
    job = upload(catalog, staff, "\n".join(lines) + "\n")
    finished = wait_for_import(catalog, staff, job["id"])
    assert finished["status"] == "succeeded", finished
    assert (finished["created"], finished["rejected"], finished["rows_processed"]) == (IMPORT_ROWS, 1, IMPORT_ROWS + 1)
    (rejected,) = finished["rejected_rows"]
    assert (rejected["line"], rejected["code"]) == (IMPORT_ROWS + 2, "duplicate_sku"), rejected
    # The batches' transactions went through the pooler.
    assert pooled.bouncer.stats(pooled.dbname("catalog"))["total_xact_count"] - before >= 2
    # catalog's worker got the job by LISTEN/NOTIFY on its direct connection; orders' polls.
    listening = pooled.direct(
        "catalog",
        "SELECT query FROM pg_stat_activity WHERE datname = current_database() AND application_name = %s",
        DIRECT_APPLICATION_NAME.format(service="catalog"),
    )
    assert any(str(query).startswith(("LISTEN", "SELECT 1")) for (query,) in listening), listening
    assert_nothing_bypasses_the_pooler(pooled)

    # The products export (COPY, streamed) of what was imported.
    export = call("GET", catalog + "/api/v1/products/export/", headers=staff.headers())
    assert export.status == 200, export.body[:500]
    skus = {row["sku"] for row in csv.DictReader(io.StringIO(export.body.decode()))}
    assert sum(1 for value in skus if value.startswith(f"POOL-{tag}-")) == IMPORT_ROWS


def test_the_orders_export_streams_many_rows_through_the_pooler(pooled: PooledSystem, staff: Person) -> None:
    """Enough orders for several of the export's chunks: a server-side cursor, declared WITH HOLD
    in one transaction and fetched from in the next, would be gone (another server session)."""
    customer = person(pooled.processes, register(pooled.processes), CUSTOMER_PASSWORD)
    sku = create_product(pooled.processes["catalog"].base_url, staff, stock=5)
    placed = place_order(pooled.processes["orders"].base_url, customer, [(sku, 1)])
    assert placed.status == 201, placed.body
    copy_order(pooled, placed.json()["id"], EXPORTED_ORDERS - 1)
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    export = call(
        "GET",
        pooled.processes["orders"].base_url + f"/api/v1/reports/orders-export/?date_from={today}&date_to={today}",
        headers=staff.headers(Accept="text/csv"),
    )
    assert export.status == 200, export.body[:500]
    rows = list(csv.DictReader(io.StringIO(export.body.decode())))
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert sum(1 for row in rows if row["customer_id"] == customer.id) == EXPORTED_ORDERS
    assert [(row["created_at"], row["id"]) for row in rows] == sorted((row["created_at"], row["id"]) for row in rows)


def test_the_orders_worker_gets_its_jobs_by_polling_through_the_pooler(pooled: PooledSystem) -> None:
    """orders' worker has no direct URL: it does not LISTEN (the pooler would hand the listening
    session to others) and finds a job by polling through the pooler, every WORKER_POLL_SECONDS
    (1 s)."""
    with psycopg.connect(pooled.bouncer.url(pooled.dbname("orders")), autocommit=True, prepare_threshold=None) as conn:
        # As procrastinate defers one (queries.sql, defer_jobs), through the pooler.
        (job_id,) = conn.execute(
            "SELECT unnest(procrastinate_defer_jobs_v1(ARRAY[ROW('orders', %s, 0, NULL, NULL, %s::jsonb, NULL)"
            "::procrastinate_job_to_defer_v1]))",
            ("orders_service.orders.tasks.recover_orders", json.dumps({"timestamp": 0})),
        ).fetchone() or (None,)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ((status,),) = pooled.direct("orders", "SELECT status FROM procrastinate_jobs WHERE id = %s", job_id)
        if status == "succeeded":
            break
        time.sleep(0.2)
    else:
        raise AssertionError(f"orders' worker did not run job {job_id}:\n{pooled.workers['orders'].log_tail()}")
    ((waited,),) = pooled.direct(
        "orders",
        "SELECT EXTRACT(EPOCH FROM max(at) FILTER (WHERE type = 'started') - max(at) FILTER (WHERE type = 'deferred'))"
        " FROM procrastinate_events WHERE job_id = %s",
        job_id,
    )
    assert float(waited) < 3.0, waited  # type: ignore[arg-type]
    # Its heartbeat is fresh: the worker's own queries get through.
    ((age,),) = pooled.direct(
        "orders", "SELECT EXTRACT(EPOCH FROM now() - max(last_heartbeat)) FROM procrastinate_workers"
    )
    assert float(age) < 30  # type: ignore[arg-type]
    assert_nothing_bypasses_the_pooler(pooled)


# --- helpers ---------------------------------------------------------------------------------


def assert_nothing_bypasses_the_pooler(pooled: PooledSystem) -> None:
    """Every server session on the services' databases is PgBouncer's (its own role), but for this
    test's own look and catalog's worker's direct job-queue connections."""
    for service in pooled.processes:
        sessions = pooled.direct(
            service,
            "SELECT usename, application_name FROM pg_stat_activity WHERE datname = current_database()",
        )
        allowed = {CHECKER} | ({DIRECT_APPLICATION_NAME.format(service=service)} if service == "catalog" else set())
        bypassing = [(user, app) for user, app in sessions if user != SERVER_ROLE and app not in allowed]
        assert bypassing == [], (service, bypassing)
        assert any(user == SERVER_ROLE for user, _app in sessions), (service, sessions)


def upload(catalog: str, staff: Person, content: str) -> dict[str, Any]:
    boundary = uuid.uuid4().hex
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="products.csv"\r\n'
        f"Content-Type: text/csv\r\n\r\n{content}\r\n--{boundary}--\r\n"
    ).encode()
    request = urllib.request.Request(
        catalog + "/api/v1/product-imports/",
        data=body,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}", **staff.headers()},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 202
        job: dict[str, Any] = json.loads(response.read())
        return job


def wait_for_import(catalog: str, staff: Person, import_id: str, timeout: float = 180) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        reply = call("GET", f"{catalog}/api/v1/product-imports/{import_id}/", headers=staff.headers())
        assert reply.status == 200, reply.body
        job: dict[str, Any] = reply.json()
        if job["status"] in ("succeeded", "failed"):
            return job
        time.sleep(0.5)
    raise AssertionError(f"import {import_id} not finished after {timeout:.0f}s")


def copy_order(pooled: PooledSystem, order_id: str, copies: int) -> None:
    """``copies`` more orders like ``order_id`` (new ids, a millisecond apart, placed before it),
    straight into orders' database: placing thousands through the saga would take minutes."""
    columns = [
        name
        for (name,) in pooled.direct(
            "orders",
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders_order' "
            "AND column_name NOT IN ('id', 'created_at') AND is_generated = 'NEVER' ORDER BY ordinal_position",
        )
    ]
    listed = ", ".join(f'"{name}"' for name in columns)
    pooled.direct(
        "orders",
        f"INSERT INTO orders_order (id, created_at, {listed}) "  # names from the catalog, values as parameters
        f"SELECT gen_random_uuid(), created_at - make_interval(secs => n / 1000.0), {listed} "
        "FROM orders_order, generate_series(1, %s) AS n WHERE id = %s",
        copies,
        order_id,
    )
