"""Runs inside a service (``manage.py shell -c "from bench.admin.probe import main; main()"``):
requests admin pages through Django's whole middleware stack with the test client, as a
signed-in superuser, and prints, as one JSON line, each page's server times and the plan of its
slowest query.

The cases come in the environment (BENCH_ADMIN_CASES: a JSON list of {"name", "path"}); each is
requested once to warm up, then BENCH_ADMIN_REPEAT times. The time is the request's, measured
around the handler as gunicorn's worker would spend it (no network, no gunicorn).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

PLAN_LINES = 24
NOT_THE_LIST = ('"django_session"', '"auth_user"', "pg_class", "set_config")


def _plan(sql: str, *, without_index_scans: bool) -> list[str]:
    """The plan of ``sql`` as it ran: with plain index scans off when the paginator had turned
    them off for it (common/admin.py, a page of few matches)."""
    with transaction.atomic(), connection.cursor() as cursor:
        if without_index_scans:
            cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) {sql}")
        return [row[0] for row in cursor.fetchall()][:PLAN_LINES]


def _ran_without_index_scans(queries: CaptureQueriesContext, sql: str) -> bool:
    switched_off = False
    for query in queries.captured_queries:
        if "set_config('enable_indexscan', 'off'" in query["sql"]:
            switched_off = True
        elif "set_config('enable_indexscan'" in query["sql"]:
            switched_off = False
        elif query["sql"] == sql:
            return switched_off
    return False


def measure(client: Client, case: dict[str, str], repeat: int) -> dict[str, Any]:
    response = client.get(case["path"])  # warm-up
    if response.status_code != 200:
        return {"name": case["name"], "path": case["path"], "status": response.status_code}
    times: list[float] = []
    cpu: list[float] = []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(case["path"])
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(case["path"])
    page = response.content.decode()
    marker = page.find('class="result-count"')
    shown = page[marker : page.find("</span>", marker)].split(">", 1)[-1] if marker >= 0 else ""
    # The plan worth showing is the list's: not the session's or the user's (small tables, any
    # of which can be the slowest by noise), nor the planner's estimate (an EXPLAIN itself).
    captured = [
        (float(query["time"]), query["sql"])
        for query in queries.captured_queries
        if not query["sql"].startswith(("EXPLAIN", "SAVEPOINT", "RELEASE"))
        and not any(part in query["sql"] for part in NOT_THE_LIST)
    ]
    slowest_time, slowest_sql = max(captured, default=(0.0, ""))
    return {
        "name": case["name"],
        "path": case["path"],
        "status": response.status_code,
        "rows": len(response.context["cl"].result_list) if response.context and "cl" in response.context else None,
        "count_shown": shown.strip(),
        "server_ms": {
            "p50": round(statistics.median(times), 1),
            "min": round(min(times), 1),
            "max": round(max(times), 1),
            "samples": repeat,
        },
        # The web process's own CPU (Python: the admin's views and templates), which a busy
        # machine stretches less than the wall time; PostgreSQL's time is in the queries.
        "django_cpu_ms_p50": round(statistics.median(cpu), 1),
        "queries_ms": round(sum(float(query["time"]) for query in queries.captured_queries) * 1000, 1),
        "queries": len(queries.captured_queries),
        "slowest_query": {
            "ms": round(slowest_time * 1000, 1),
            "sql": slowest_sql[:600],
            "plan": _plan(slowest_sql, without_index_scans=_ran_without_index_scans(queries, slowest_sql)),
        },
    }


def main() -> None:
    cases: list[dict[str, str]] = json.loads(os.environ["BENCH_ADMIN_CASES"])
    repeat = int(os.environ.get("BENCH_ADMIN_REPEAT", "5"))
    user_model = get_user_model()
    user = user_model.objects.filter(username="bench-admin").first() or user_model.objects.create_superuser(
        "bench-admin", "bench-admin@example.com", None
    )
    client = Client()
    client.force_login(user)
    results = [measure(client, case, repeat) for case in cases]
    sys.stdout.write("BENCH-ADMIN " + json.dumps(results) + "\n")
