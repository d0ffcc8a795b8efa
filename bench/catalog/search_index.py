"""The search indexer in the benchmark: how long full-text search takes to catch up with a bulk
write (docs/catalog.md, "Search freshness"), running the real job in catalog's real worker."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from bench.catalog.stack import CATALOG, RUN_DIR, Stack
from devtools.devstack import ServiceProcess

# The products waiting for the indexer, as the admin and /metrics count them.
_WAITING_SQL = "SELECT count(*) FROM catalog_product WHERE search_indexed_at IS DISTINCT FROM updated_at"
_POLL_SECONDS = 0.2
_REQUEST_A_RUN = (
    "from catalog_service.catalog.services.search_index import search_index_request; search_index_request()"
)


def _job_seconds(log_path: Path) -> float:
    """The seconds of every indexing run the worker logged ("search index refreshed")."""
    total = 0.0
    for line in log_path.read_text().splitlines():
        if '"search index refreshed"' in line:
            total += float(json.loads(line[line.index("{") :])["seconds"])
    return total


def waiting(stack: Stack) -> int:
    return _count_waiting(stack)[0]


def _count_waiting(stack: Stack) -> tuple[int, float]:
    """The waiting products and the seconds the count took (what the admin and /metrics pay)."""
    with stack.connect() as conn:
        started = time.perf_counter()
        (count,) = conn.execute(_WAITING_SQL).fetchone() or (0,)
        seconds = time.perf_counter() - started
    return int(count), seconds


@contextmanager
def worker_running(stack: Stack) -> Iterator[ServiceProcess]:
    """Catalog's procrastinate worker, as deployed (WORKER_CONCURRENCY, SEARCH_INDEX_SESSIONS),
    running for the block: started before a write, it indexes the write's products while the
    write goes on (each import batch asks for a run), as a worker always running would."""
    log_path: Path = RUN_DIR / "catalog-worker.log"
    log_path.unlink(missing_ok=True)
    worker = ServiceProcess.worker(CATALOG, stack.env, ("procrastinate", "worker"), log_path=log_path)
    worker.start()
    try:
        yield worker
    finally:
        worker.stop()


def search_catch_up(
    stack: Stack,
    *,
    since: float | None = None,
    worker: ServiceProcess | None = None,
    timeout: float = 1800,
    say: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Queue an indexing run as a write would and wait until no product waits; seconds from
    ``since`` (a ``time.perf_counter()`` reading: the end of the write being measured; default
    now) to that moment, with the worker's own time.

    Without a running ``worker`` (``worker_running``), catalog's worker is started only now, so
    the figure includes its start (about a second) and none of the write's products were
    indexed during the write: an upper bound."""
    started = time.perf_counter() if since is None else since
    before, count_seconds = _count_waiting(stack)
    log_path: Path = RUN_DIR / "catalog-worker.log"
    with ExitStack() as stop:
        running = worker if worker is not None else stop.enter_context(worker_running(stack))
        # What every write path does once it commits (services/search_index.py, search_index_request).
        stack.manage("shell", "-c", _REQUEST_A_RUN)
        deadline = time.monotonic() + timeout
        while (left := waiting(stack)) and time.monotonic() < deadline:
            if not running.running():
                raise RuntimeError(f"the worker stopped (log: {log_path})")
            time.sleep(_POLL_SECONDS)
        if left:
            raise RuntimeError(f"{left} products still wait for the search indexer after {timeout} s")
        seconds = time.perf_counter() - started
    job_seconds = _job_seconds(log_path)
    say(
        f"  search current {seconds:.1f} s after the write ended ({before:,} products waiting then; "
        f"the indexing runs {job_seconds:.1f} s in all)"
    )
    return {
        # Waiting when the write ended: all of its products, unless a worker ran during it.
        "products_indexed": before,
        "worker_during_write": worker is not None,
        "seconds": round(seconds, 2),
        # The indexing runs' own time, from the worker's log (during the write too, if it ran
        # then): without the worker's start.
        "job_seconds": round(job_seconds, 2),
        "rows_per_second": round(before / seconds) if seconds and before else None,
        # Counting them all while they wait: the admin's product list and /metrics do it.
        "count_waiting_ms": round(count_seconds * 1000, 1),
    }
