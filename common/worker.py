"""The procrastinate worker's own HTTP endpoint: ``/metrics`` and a liveness probe, ``/healthz``.

A worker serves no HTTP of its own, yet it runs work worth watching (catalog's imports count
their rows there) and can get stuck in ways a database check cannot see. ``manage.py
procrastinate worker`` (common/management/commands/procrastinate.py) runs the worker through
``run_worker`` below, which, when ``WORKER_METRICS_BIND`` is set, serves from a thread of the
worker process:

- ``/metrics``: this process's metrics (django-prometheus' database metrics, the business
  counters of the jobs it ran), the service's ``METRICS_COLLECTORS`` (the job queue's depth and
  age among them) and the age of this worker's heartbeat;
- ``/healthz``: 200 while procrastinate's own heartbeat of this worker is younger than the
  worker's ``stalled_worker_timeout``, else 503 with the reason.

Why procrastinate's heartbeat: the worker's event loop writes it (a side task, every
``update_heartbeat_interval``) to ``procrastinate_workers.last_heartbeat``, and it is what the
other workers go by: once it is older than the stalled timeout, ``get_stalled_jobs`` hands this
worker's jobs to them (catalog's ``retry_stalled_jobs``) and a starting worker prunes its row.
A blocked event loop (a task that blocks it, a deadlock) or a connection stuck in a call stops
the heartbeat, so the probe fails exactly when the queue has given this worker up, and the
kubelet restarts it before a second copy of its jobs runs for long. A process that is stopped
altogether (SIGSTOP, a frozen node) answers nothing, which the kubelet counts as a failure too.

A worker is one process (its sync tasks run in threads), so its metrics are prometheus_client's
default registry; should ``PROMETHEUS_MULTIPROC_DIR`` be set for it anyway, ``metrics_page``
reads that directory, as for gunicorn.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

import prometheus_client
from django.conf import settings
from django.db import DatabaseError, connection, connections
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from psycopg.conninfo import conninfo_to_dict

from common.metrics import metrics_page

if TYPE_CHECKING:
    from procrastinate import App
    from procrastinate.connector import BaseConnector
    from procrastinate.worker import Worker

logger = logging.getLogger(__name__)

# Per queue: the jobs due now (scheduled for later ones are not waiting yet), and the first
# deferred of them; that job waits since its scheduled time, or else since it was last put in
# the queue (deferred, or deferred again for a retry). Only rows in status 'todo' are read,
# through procrastinate's partial index on them (procrastinate_jobs_priority_idx_v1), so the
# finished jobs, nearly all of the table, cost nothing; the events of one job per queue are
# read through their job_id index.
_QUEUE_SQL = """
WITH waiting AS (
    SELECT queue_name, count(*) AS depth, min(id) AS first_id
    FROM procrastinate_jobs
    WHERE status = 'todo' AND (scheduled_at IS NULL OR scheduled_at <= now())
    GROUP BY queue_name
)
SELECT waiting.queue_name, waiting.depth,
    EXTRACT(EPOCH FROM now() - COALESCE(
        job.scheduled_at,
        (SELECT max(event.at) FROM procrastinate_events AS event
         WHERE event.job_id = waiting.first_id AND event.type IN ('deferred', 'deferred_for_retry'))
    ))
FROM waiting JOIN procrastinate_jobs AS job ON job.id = waiting.first_id
"""


def _known_queues() -> set[str]:
    from procrastinate.contrib.django import app

    return {task.queue for task in app.tasks.values()}


class JobQueueCollector(Collector):
    """Depth and oldest waiting age of each queue of the service's procrastinate job queue, read
    at scrape time (common/metrics.py). Every queue a registered task uses is reported, at 0
    when empty, so that an alert on it has a series to compare."""

    def collect(self) -> Iterator[Metric]:
        try:
            with connection.cursor() as cursor:
                cursor.execute(_QUEUE_SQL)
                rows = cursor.fetchall()
        except DatabaseError:
            return  # /metrics answers without them; /readyz and the probes report the database
        depth = GaugeMetricFamily(
            "mercato_jobs_waiting", "Jobs due to run and not started, per queue.", labels=["queue"]
        )
        age = GaugeMetricFamily(
            "mercato_jobs_oldest_waiting_age_seconds",
            "How long the first queued of the jobs due to run has waited, per queue (0: none waiting).",
            labels=["queue"],
        )
        seen = set()
        for queue, count, seconds in rows:
            seen.add(queue)
            depth.add_metric([queue], count)
            age.add_metric([queue], max(float(seconds or 0), 0.0))
        for queue in sorted(_known_queues() - seen):
            depth.add_metric([queue], 0)
            age.add_metric([queue], 0)
        yield depth
        yield age


@dataclass(frozen=True)
class Liveness:
    alive: bool
    reason: str
    heartbeat_age: float | None = None


def worker_liveness(worker: Worker) -> Liveness:
    """Whether procrastinate still counts ``worker`` as alive: its heartbeat row is there and
    younger than its ``stalled_worker_timeout`` (read from the database, by this thread)."""
    if worker.worker_id is None:
        return Liveness(False, "the worker is not registered (starting or stopped)")
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT EXTRACT(EPOCH FROM now() - last_heartbeat) FROM procrastinate_workers WHERE id = %s",
                [worker.worker_id],
            )
            row = cursor.fetchone()
    except DatabaseError as exc:
        return Liveness(False, f"the database cannot be read: {type(exc).__name__}")
    if row is None:
        return Liveness(False, f"worker {worker.worker_id} has no heartbeat row: it was pruned as stalled")
    age = float(row[0])
    if age > worker.stalled_worker_timeout:
        return Liveness(
            False,
            f"the heartbeat is {age:.0f} s old (stalled after {worker.stalled_worker_timeout:.0f} s): "
            "the worker's event loop is stuck",
            age,
        )
    return Liveness(True, "ok", age)


class _HeartbeatCollector(Collector):
    def __init__(self, worker: Worker) -> None:
        self.worker = worker

    def collect(self) -> Iterator[Metric]:
        liveness = worker_liveness(self.worker)
        if liveness.heartbeat_age is not None:
            age = GaugeMetricFamily(
                "mercato_worker_heartbeat_age_seconds",
                "Age of this worker's procrastinate heartbeat; past the stalled timeout its jobs go to other workers.",
            )
            age.add_metric([], liveness.heartbeat_age)
            yield age
        up = GaugeMetricFamily("mercato_worker_alive", "1 while this worker's liveness probe passes, else 0.")
        up.add_metric([], 1 if liveness.alive else 0)
        yield up


class _Handler(BaseHTTPRequestHandler):
    server: _ProbeServer

    def do_GET(self) -> None:
        try:
            if self.path == "/metrics":
                extra = prometheus_client.CollectorRegistry(auto_describe=False)
                extra.register(_HeartbeatCollector(self.server.worker))
                self._answer(200, metrics_page() + prometheus_client.generate_latest(extra), "metrics")
            elif self.path == "/healthz":
                liveness = worker_liveness(self.server.worker)
                body: dict[str, Any] = {"status": "ok" if liveness.alive else "stuck", "reason": liveness.reason}
                if liveness.heartbeat_age is not None:
                    body["heartbeat_age_seconds"] = round(liveness.heartbeat_age, 1)
                self._answer(200 if liveness.alive else 503, json.dumps(body).encode(), "json")
            else:
                self._answer(404, b'{"status": "not found"}', "json")
        finally:
            # Each request has a thread of its own, so a connection of its own: give it back.
            connections.close_all()

    def _answer(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        content_type = prometheus_client.CONTENT_TYPE_LATEST if kind == "metrics" else "application/json"
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        # Scrapes and probes every few seconds are not news; failures show in the answers.
        pass


class _ProbeServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], worker: Worker) -> None:
        self.worker = worker
        if ":" in address[0]:  # an IPv6 address, e.g. [::]:9100
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)


def parse_bind(bind: str) -> tuple[str, int]:
    host, _, port = bind.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"WORKER_METRICS_BIND must be host:port, not {bind!r}")
    return host.strip("[]"), int(port)


def start_probe_server(worker: Worker, bind: str) -> ThreadingHTTPServer:
    server = _ProbeServer(parse_bind(bind), worker)
    threading.Thread(target=server.serve_forever, name="worker-metrics", daemon=True).start()
    logger.info("worker metrics and liveness served", extra={"bind": bind})
    return server


# The application_name of a worker's own connections when they bypass the pooler, so that
# pg_stat_activity tells them from the pooler's (and the tests can).
DIRECT_APPLICATION_NAME = "{service} job queue (direct)"


def worker_connector(app: App) -> BaseConnector:
    """The connector the worker's own work runs on (fetching jobs, heartbeats, LISTEN): the
    service's database as Django reaches it (procrastinate's choice), or, when
    DATABASE_DIRECT_URL is set, the same database past the pooler, so LISTEN has a session of
    its own. The jobs' ORM work goes through Django's connection (DATABASE_URL) either way."""
    from procrastinate.contrib.django import django_connector, utils
    from procrastinate.contrib.django.settings import settings as procrastinate_settings
    from procrastinate.psycopg_connector import PsycopgConnector

    connector = app.connector
    if not isinstance(connector, django_connector.DjangoConnector):
        return connector
    if not settings.DATABASE_DIRECT_URL:
        return connector.get_worker_connector()
    params = utils.connector_params(procrastinate_settings.DATABASE_ALIAS)
    direct = {key: value for key, value in conninfo_to_dict(settings.DATABASE_DIRECT_URL).items() if value}
    for key in ("dbname", "user", "password", "host", "port"):
        params.pop(key, None)
    application_name = DIRECT_APPLICATION_NAME.format(service=getattr(settings, "SERVICE_NAME", "mercato"))
    return PsycopgConnector(kwargs={**params, **direct, "application_name": application_name})


async def run_worker(app: App, **options: Any) -> None:
    """procrastinate's ``worker`` sub-command (its ``App.run_worker_async``), with the probe
    server beside the worker while it runs."""
    app.perform_import_paths()  # type: ignore[no-untyped-call]
    worker = app._worker(**options)  # the Worker whose heartbeat the probe reads
    server = start_probe_server(worker, settings.WORKER_METRICS_BIND) if settings.WORKER_METRICS_BIND else None
    try:
        await worker.run()  # type: ignore[no-untyped-call]
    finally:
        if server is not None:
            server.shutdown()
            server.server_close()
