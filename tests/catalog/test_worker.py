"""The procrastinate worker as it runs (a real ``manage.py procrastinate worker`` process on the
test database): its /metrics, the job queue's depth and age, and a liveness probe that fails
when the worker is stuck (common/worker.py)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.db import connection
from procrastinate.contrib.django import app as procrastinate_app
from procrastinate.psycopg_connector import PsycopgConnector
from prometheus_client.parser import text_string_to_metric_families

from catalog_service.catalog.models import SEARCH_WAITING, Category, ImportFormat, ImportStatus, Product, ProductImport
from catalog_service.catalog.services.imports import PRODUCT_IMPORT_TASK, product_import_create
from catalog_service.catalog.services.products import product_create
from common import worker as worker_module
from common.worker import JobQueueCollector, worker_connector
from devtools.devstack import REPO_ROOT, free_port

HEADER = b"sku,name,description,price,currency,category,attributes,is_active,stock\n"
PERIODIC = "reservations_expire,purge_stock_adjustment_keys,purge_reservation_keys,retry_stalled_jobs,remove_old_jobs"
STALLED_SECONDS = 3.0


@dataclass(frozen=True)
class Answer:
    status_code: int
    text: str

    def json(self) -> Any:
        return json.loads(self.text)


class WorkerProcess:
    def __init__(self, *queues: str) -> None:
        self.port = free_port()
        # The test database (pytest-django's, named after DATABASE_URL's) on the same server.
        database_url = urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{connection.settings_dict['NAME']}")
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.catalog.worker.settings",
            # manage.py puts its own folder first on sys.path; the settings module is in tests/.
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
            "DATABASE_URL": urlunsplit(database_url),
            "WORKER_METRICS_BIND": f"127.0.0.1:{self.port}",
            "WORKER_HEARTBEAT_SECONDS": "0.5",
            "WORKER_STALLED_SECONDS": str(STALLED_SECONDS),
            # Only the jobs a test defers: no periodic ones.
            "EXTERNAL_PERIODIC_TASKS": PERIODIC,
        }
        command = [sys.executable, str(REPO_ROOT / "catalog_service" / "manage.py"), "procrastinate", "worker"]
        if queues:
            command += ["--queues", ",".join(queues)]
        self.process = subprocess.Popen(
            command, env=env, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get(self, path: str, timeout: float = 5.0) -> Answer:
        try:
            with urllib.request.urlopen(f"{self.url}{path}", timeout=timeout) as response:
                return Answer(response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.read().decode())

    def wait_until(self, predicate: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the worker exited: {self.output()}")
            try:
                if predicate():
                    return
            except OSError:  # not listening yet
                pass
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}")

    def samples(self) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        response = self.get("/metrics")
        assert response.status_code == 200
        return {
            (sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(response.text)
            for sample in family.samples
        }

    def output(self) -> str:
        if self.process.poll() is None:
            self.stop()
        assert self.process.stdout is not None
        return self.process.stdout.read().decode(errors="replace")[-3000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def forget_test_jobs() -> None:
    # procrastinate's tables are not Django-managed, so the test's flush leaves them be.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM procrastinate_jobs WHERE queue_name IN ('parked', 'blocking')")


@pytest.fixture
def start_worker(transactional_db: None) -> Iterator[Callable[..., WorkerProcess]]:
    forget_test_jobs()
    started: list[WorkerProcess] = []

    def start(*queues: str) -> WorkerProcess:
        worker = WorkerProcess(*queues)
        started.append(worker)
        worker.wait_until(lambda: worker.get("/healthz").status_code == 200, "the worker's liveness probe")
        return worker

    yield start
    for worker in started:
        worker.stop()
    forget_test_jobs()


def defer(task: str, queue: str, count: int = 1, **kwargs: Any) -> None:
    for _ in range(count):
        procrastinate_app.configure_task(name=task, queue=queue).defer(**kwargs)


def test_worker_metrics_show_the_queues_and_the_jobs_it_ran(start_worker: Callable[..., WorkerProcess]) -> None:
    Category.objects.create(name="Chairs", slug="chairs", path="0001", depth=1)
    # "parked" has no worker listening: its jobs wait. The first of them was queued 2 minutes ago.
    worker = start_worker("imports", "default")
    defer("tests.block_event_loop", "parked", count=3, seconds=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE procrastinate_events SET at = now() - interval '120 seconds' "
            "WHERE job_id = (SELECT min(id) FROM procrastinate_jobs WHERE queue_name = 'parked')"
        )
    rows = HEADER + b"W-1,Chair,,10.00,EUR,chairs,,true,1\nW-2,Stool,,5.00,EUR,chairs,,true,1\nW-3,,,x,EUR,chairs,,,\n"
    product_import_create(pieces=[rows], head=rows, file_name="w.csv", file_format=ImportFormat.CSV, actor="t")

    # The import ran in the worker, so its rows are counted in the worker's /metrics.
    created = ("mercato_catalog_import_rows_total", (("outcome", "created"),))
    worker.wait_until(lambda: worker.samples().get(created) == 2, "the import's rows in the worker's metrics")
    samples = worker.samples()
    assert samples[("mercato_catalog_import_rows_total", (("outcome", "rejected"),))] == 1
    assert samples[("mercato_catalog_imports_finished_total", (("status", "succeeded"),))] == 1
    assert samples[("mercato_jobs_waiting", (("queue", "parked"),))] == 3
    assert 119 <= samples[("mercato_jobs_oldest_waiting_age_seconds", (("queue", "parked"),))] < 180
    # Every queue a task uses is reported, at 0 when nothing waits.
    assert samples[("mercato_jobs_waiting", (("queue", "imports"),))] == 0
    assert samples[("mercato_jobs_oldest_waiting_age_seconds", (("queue", "imports"),))] == 0
    assert samples[("mercato_worker_alive", ())] == 1
    assert 0 <= samples[("mercato_worker_heartbeat_age_seconds", ())] < STALLED_SECONDS
    # django-prometheus' database metrics of the worker's own queries.
    assert [name for name, _ in samples if "db" in name], sorted({name for name, _ in samples})
    assert worker.get("/nothing-here").status_code == 404


def test_liveness_fails_when_the_event_loop_is_blocked(start_worker: Callable[..., WorkerProcess]) -> None:
    worker = start_worker("blocking")
    body = worker.get("/healthz").json()
    assert body["status"] == "ok"
    # A task that blocks the event loop: the process is up and its probe thread answers, but
    # procrastinate's heartbeat stops, and the other workers would take its jobs.
    defer("tests.block_event_loop", "blocking", seconds=8)
    worker.wait_until(lambda: worker.get("/healthz").status_code == 503, "the probe to fail", timeout=20)
    body = worker.get("/healthz").json()
    assert body["status"] == "stuck"
    assert body["heartbeat_age_seconds"] >= STALLED_SECONDS  # past it, rounded to 0.1 s
    assert "event loop is stuck" in body["reason"]
    assert worker.samples()[("mercato_worker_alive", ())] == 0


def test_a_stopped_worker_fails_the_probe_and_goes_stale(start_worker: Callable[..., WorkerProcess]) -> None:
    worker = start_worker("blocking")
    worker.process.send_signal(signal.SIGSTOP)
    try:
        # The kubelet's probe gets no answer within its timeout: a failure.
        with pytest.raises(TimeoutError):
            worker.get("/healthz", timeout=2)
        # And in the database the worker goes stale, as the other workers see it.
        time.sleep(STALLED_SECONDS)
        with connection.cursor() as cursor:
            cursor.execute("SELECT EXTRACT(EPOCH FROM now() - max(last_heartbeat)) FROM procrastinate_workers")
            (age,) = cursor.fetchone()
        assert float(age) > STALLED_SECONDS
    finally:
        worker.process.send_signal(signal.SIGCONT)
    # Resumed, it beats again and the probe passes.
    worker.wait_until(lambda: worker.get("/healthz").status_code == 200, "the probe to pass again", timeout=20)


def test_the_search_indexer_runs_while_an_import_does_and_imports_run_one_at_a_time(
    start_worker: Callable[..., WorkerProcess],
) -> None:
    """A worker runs two jobs at once (WORKER_CONCURRENCY): products written while an import
    runs are indexed before it ends, while a second import waits for the first (its lock)."""
    chairs = Category.objects.create(name="Chairs", slug="chairs", path="0001", depth=1)
    rows = HEADER + b"L-1,Chair,,10.00,EUR,chairs,,true,1\n"
    first = product_import_create(pieces=[rows], head=rows, file_name="1.csv", file_format=ImportFormat.CSV, actor="t")
    second = product_import_create(pieces=[rows], head=rows, file_name="2.csv", file_format=ImportFormat.CSV, actor="t")
    # The first import stops at its start (it locks its job's row) until this session lets go.
    database_url = urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{connection.settings_dict['NAME']}")
    with psycopg.connect(urlunsplit(database_url)) as blocker:
        blocker.execute("SELECT 1 FROM catalog_productimport WHERE id = %s FOR UPDATE", [first.pk])
        worker = start_worker("imports", "default")

        def job_status(job: ProductImport) -> str:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT status FROM procrastinate_jobs WHERE task_name = %s AND args->>'import_id' = %s",
                    [PRODUCT_IMPORT_TASK, str(job.pk)],
                )
                (status,) = cursor.fetchone()
            return str(status)

        worker.wait_until(lambda: job_status(first) == "doing", "the first import to start")
        # Written now (each asks for an indexing run at its commit): indexed while the import runs.
        for number in range(3):
            product_create(
                sku=f"S-{number}", name=f"Stool {number}", category_id=chairs.pk, price=Decimal(5), currency="EUR"
            )
        worker.wait_until(lambda: not Product.objects.filter(SEARCH_WAITING).exists(), "the indexer", timeout=30)
        assert job_status(first) == "doing"
        assert job_status(second) == "todo"  # a slot is free, but the lock holds it back
        assert Product.objects.filter(sku__startswith="S-", search_vector__isnull=False).count() == 3
        blocker.rollback()
    worker.wait_until(lambda: job_status(second) == "succeeded", "both imports")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (ImportStatus.SUCCEEDED, ImportStatus.SUCCEEDED)
    assert first.finished_at is not None
    assert second.started_at is not None
    assert second.started_at >= first.finished_at
    # The worker's probe and heartbeat went on through both.
    assert worker.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_the_queue_query_reads_only_waiting_jobs_through_an_index() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO procrastinate_jobs (queue_name, task_name, status) "
            "SELECT 'imports', 't', 'succeeded' FROM generate_series(1, 20000)"
        )
        cursor.execute(
            "INSERT INTO procrastinate_jobs (queue_name, task_name) SELECT 'explained', 't' FROM generate_series(1, 5)"
        )
        cursor.execute("ANALYZE procrastinate_jobs")
        cursor.execute("EXPLAIN " + worker_module._QUEUE_SQL)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Seq Scan on procrastinate_jobs" not in plan, plan
    families = {family.name: family for family in JobQueueCollector().collect()}
    waiting = {sample.labels["queue"]: sample.value for sample in families["mercato_jobs_waiting"].samples}
    assert waiting["explained"] == 5
    # The queues of the registered tasks are reported even when nothing waits in them.
    assert {"imports", "default"} <= set(waiting)


def test_the_worker_connector_bypasses_the_pooler_with_a_direct_url(settings: Any) -> None:
    """With DATABASE_DIRECT_URL the worker's own connections (fetching, heartbeats, LISTEN) go
    there, named in pg_stat_activity; without it, procrastinate's connector over DATABASE_URL."""
    settings.DATABASE_DIRECT_URL = ""
    default = worker_connector(procrastinate_app)
    assert isinstance(default, PsycopgConnector)
    assert default._pool_args["kwargs"]["dbname"] == connection.settings_dict["NAME"]

    settings.DATABASE_DIRECT_URL = "postgresql://queue:secret@db-rw.example:5433/shop_catalog?sslmode=require"
    direct = worker_connector(procrastinate_app)
    assert isinstance(direct, PsycopgConnector)
    kwargs = direct._pool_args["kwargs"]
    assert {key: kwargs[key] for key in ("host", "port", "dbname", "user", "password", "sslmode")} == {
        "host": "db-rw.example",
        "port": "5433",
        "dbname": "shop_catalog",
        "user": "queue",
        "password": "secret",
        "sslmode": "require",
    }
    assert kwargs["application_name"] == "catalog job queue (direct)"
    assert kwargs["prepare_threshold"] is None
