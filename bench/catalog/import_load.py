"""Readers during an import: product detail latency while a large import runs, against idle.

The import runs as ``import_products`` (its own process, as a worker would run it) while one
client reads product details from the catalog under gunicorn in a bounded loop; only the
requests sent while the job was running (its own started_at .. finished_at) count. The same
loop before the import gives the idle figures. Server-side durations come from the request log,
client-side ones include any wait for a gunicorn thread.
"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path
from typing import Any

from bench.catalog import scenarios
from bench.catalog.stack import Client, Stack, server_durations

IDLE_REQUESTS = 1_000
MAX_REQUESTS = 200_000  # bounds the loop whatever the import does


def _active_skus(stack: Stack, count: int) -> list[str]:
    with stack.connect() as conn:
        return [
            sku
            for (sku,) in conn.execute(
                "SELECT sku FROM catalog_product WHERE is_active ORDER BY random() LIMIT %s", [count]
            )
        ]


def _details(
    stack: Stack, skus: list[str], *, until: threading.Event | None, count: int
) -> list[tuple[float, str, float]]:
    """GET product details (random SKUs) ``count`` times, or until ``until`` is set:
    (wall-clock start, request id, client seconds) of each."""
    assert stack.web is not None
    client = Client(stack.web.base_url)
    rnd = random.Random(11)  # noqa: S311  (benchmark data)
    done: list[tuple[float, str, float]] = []
    try:
        while len(done) < count and not (until is not None and until.is_set()):
            sent = time.time()
            request_id, status, body, seconds = client.get(f"/api/v1/products/{rnd.choice(skus)}/")
            if status != 200:
                raise RuntimeError(f"product detail answered {status}: {body[:300]!r}")
            done.append((sent, request_id, seconds))
    finally:
        client.close()
    return done


def _summary(stack: Stack, log_path: Path, requests: list[tuple[float, str, float]]) -> dict[str, Any]:
    time.sleep(0.5)  # let the last log lines reach the file
    found = server_durations(log_path, {request_id for _, request_id, _ in requests})
    return {
        "server": scenarios._summary([found[r] for _, r, _ in requests if r in found]),
        "client": scenarios._summary([seconds * 1000 for _, _, seconds in requests]),
    }


def detail_during_import(stack: Stack, log_path: Path, path: Path) -> dict[str, Any]:
    """Product detail p50/p99 idle, then while ``path`` (new products) is imported; the ratios."""
    skus = _active_skus(stack, 2_000)
    idle = _summary(stack, log_path, _details(stack, skus, until=None, count=IDLE_REQUESTS))
    finished = threading.Event()
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["import"] = scenarios.run_import(stack, path)
        finally:
            finished.set()

    importer = threading.Thread(target=run, name="bench-import")
    importer.start()
    requests = _details(stack, skus, until=finished, count=MAX_REQUESTS)
    importer.join()
    with stack.connect() as conn:
        window = conn.execute(
            "SELECT extract(epoch FROM started_at), extract(epoch FROM finished_at) FROM catalog_productimport "
            "ORDER BY created_at DESC LIMIT 1"
        ).fetchone()
    assert window is not None
    started, ended = float(window[0]), float(window[1])
    during = _summary(stack, log_path, [r for r in requests if started <= r[0] <= ended])
    return {
        "idle": idle,
        "during": during,
        "import": outcome["import"],
        "ratio_server_p99": round(during["server"]["p99_ms"] / idle["server"]["p99_ms"], 2),
        "ratio_client_p99": round(during["client"]["p99_ms"] / idle["client"]["p99_ms"], 2),
    }


def unchanged_floor(stack: Stack, path: Path) -> dict[str, Any]:
    """The floor of any re-import of unchanged rows into this schema, in SQL alone: the file
    COPYed raw into a bare table, then one join finding each row's product by SKU and
    comparing its values (cast, nothing validated, no stock, nothing written). An import that
    reads, validates and checks each row can only be slower."""
    with stack.connect() as conn:
        started = time.perf_counter()
        scenarios.copy_raw(conn, "bench_unchanged_floor", path)
        (rows, same) = conn.execute(
            """SELECT count(*), count(*) FILTER (
                   WHERE (p.name, p.description, p.price, p.currency, p.attributes, p.is_active)
                         IS NOT DISTINCT FROM
                         (r.name, r.description, r.price::numeric, r.currency, r.attributes::jsonb,
                          r.is_active::boolean))
               FROM bench_unchanged_floor AS r JOIN catalog_product AS p ON p.sku = r.sku"""
        ).fetchone() or (0, 0)
        seconds = time.perf_counter() - started
        conn.execute("DROP TABLE bench_unchanged_floor")
    return {"rows": rows, "unchanged": same, "seconds": round(seconds, 2), "rows_per_second": round(rows / seconds)}
