"""Liveness and readiness endpoints for orchestrators.

/healthz answers without any I/O: a failing liveness probe restarts the pod, and a database
outage must not restart every pod. /readyz answers 200 only when the database responds and
every migration this code knows about is applied, so traffic reaches a pod only when it can
serve it.

/readyz checks the database in a thread of its own, one check at a time, and answers 503 when
it has no answer within ``READYZ_TIMEOUT`` seconds. A database that hangs (a frozen server, a
network that drops packets) would otherwise hold each probe's thread until it answered: probes
arrive every few seconds, every gunicorn thread would end up waiting, and /healthz with them,
which restarts the pod for the database's outage.
"""

from concurrent.futures import TimeoutError as FutureTimeout

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from common.single_flight import SingleFlight

# Migrations are only ever applied forward under running code, so once a process has seen them
# all applied it need not load the migration graph again.
_migrations_seen_applied = False


def _unapplied_migrations() -> list[str]:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


# The readiness check in flight: probes that arrive meanwhile wait for it, never start another.
readiness_check: SingleFlight[JsonResponse] = SingleFlight(thread_name="readyz")


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    timeout = settings.READYZ_TIMEOUT
    if timeout <= 0:
        # No limit: checked in the request's own thread (and transaction: in-process tests).
        return _readiness()
    try:
        return readiness_check.result(_readiness, timeout=timeout)
    except FutureTimeout:
        return JsonResponse(
            {"status": "unavailable", "reason": f"database check not done within {timeout} s"}, status=503
        )


def _readiness() -> JsonResponse:
    global _migrations_seen_applied  # noqa: PLW0603  (a per-process memo, written once)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        unapplied = [] if _migrations_seen_applied else _unapplied_migrations()
    except DatabaseError as exc:
        return JsonResponse({"status": "unavailable", "reason": f"database unreachable: {exc}".strip()}, status=503)
    if unapplied:
        return JsonResponse(
            {"status": "unavailable", "reason": "unapplied migrations", "migrations": unapplied},
            status=503,
        )
    _migrations_seen_applied = True
    return JsonResponse({"status": "ok"})
