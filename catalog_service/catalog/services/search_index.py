"""The full-text search index, kept behind the write (docs/catalog.md, "Search freshness").

No write path computes a product's search vector: every write moves ``updated_at``, which makes
the product wait (``SEARCH_WAITING``: ``search_indexed_at IS DISTINCT FROM updated_at``), and
the indexing job (``search_index_refresh``, the worker's task ``catalog.search_index_refresh``)
sets the vectors of waiting products in batches. So an import, the API and the admin need no
code to mark a product, and a write path that forgets to ask for a run is caught by the
periodic sweep within a minute.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Final

from django.db import connection, transaction
from django.db.models import F
from procrastinate import exceptions as procrastinate_exceptions
from procrastinate.contrib.django import app as procrastinate_app

from catalog_service.catalog.models import SEARCH_WAITING, ImportStatus, Product, ProductImport, search_document

logger = logging.getLogger(__name__)

# The name the worker knows the task by (tasks.py); deferred by name, so services need not
# import the tasks module.
SEARCH_INDEX_TASK: Final = "catalog.search_index_refresh"
# At most one run waiting, however many writes ask: a run indexes everything waiting when it
# gets there, so one more queued behind a running one is all that is ever needed.
SEARCH_INDEX_LOCK: Final = "catalog.search_index_refresh"
# Rows per transaction: large enough that the per-statement cost disappears, small enough
# that the rows a batch locks are released within a fraction of a second, so an import or an
# API write that meets them barely waits.
SEARCH_INDEX_BATCH: Final = 2_000


@dataclass(frozen=True)
class SearchIndexRun:
    indexed: int  # products whose vector this run set
    batches: int
    seconds: float


def search_index_refresh(
    *,
    batch_size: int = SEARCH_INDEX_BATCH,
    max_batches: int | None = None,
    sessions: int = 1,
    share_during_imports: float = 1.0,
    pause: Callable[[float], None] = time.sleep,
) -> SearchIndexRun:
    """Index waiting products, oldest write first, a batch per transaction, until none is left
    that another run has not locked (or ``max_batches`` were done), in ``sessions`` database
    sessions at once (threads, each with its own connection).

    While a product import runs, each session works ``share_during_imports`` of the time at most
    (it ``pause``s after a batch for as long as the rest of its share): the import and the
    indexer then leave the database's cores to the readers in part, and search still catches up
    during the import rather than after it (docs/catalog-bulk.md, "How fast search catches up").

    Each batch locks its rows with ``FOR NO KEY UPDATE SKIP LOCKED``: runs in parallel share the
    work instead of waiting for each other, and a row an import or an API write holds is left for
    the next run (the write moves ``updated_at`` and asks for one). The vector is computed
    from the row as it is under the lock and ``search_indexed_at`` set to that row's
    ``updated_at`` in the same UPDATE, so a product is never marked indexed at a version whose
    text it was not indexed from. Running it again changes nothing: it is idempotent.
    """
    started = time.perf_counter()
    pacing = _Pacing(share_during_imports, pause)
    if sessions > 1:
        # The batches are independent (SKIP LOCKED), so sessions in parallel share them like
        # separate runs would: a large backlog (an import) is indexed on as many of the
        # database's cores, while the per-row cost (a new row version in every index) stays.
        with ThreadPoolExecutor(max_workers=sessions, thread_name_prefix="search-index") as pool:
            parts = list(pool.map(lambda _: _in_own_session(batch_size, max_batches, pacing), range(sessions)))
        indexed, batches = sum(part[0] for part in parts), sum(part[1] for part in parts)
    else:
        indexed, batches = _refresh(batch_size, max_batches, pacing)
    run = SearchIndexRun(indexed=indexed, batches=batches, seconds=time.perf_counter() - started)
    if indexed:
        logger.info(
            "search index refreshed",
            extra={
                "indexed": run.indexed,
                "batches": run.batches,
                "sessions": sessions,
                "seconds": round(run.seconds, 2),
            },
        )
    return run


@dataclass(frozen=True)
class _Pacing:
    share_during_imports: float
    pause: Callable[[float], None]

    def after_batch(self, seconds: float) -> None:
        """Pause for the rest of the share, after a batch that took ``seconds``, while an import runs."""
        if self.share_during_imports >= 1 or not ProductImport.objects.filter(status=ImportStatus.RUNNING).exists():
            return
        self.pause(seconds * (1 / self.share_during_imports - 1))


def _in_own_session(batch_size: int, max_batches: int | None, pacing: _Pacing) -> tuple[int, int]:
    try:
        return _refresh(batch_size, max_batches, pacing)
    finally:
        connection.close()  # this thread's connection, back to the pool


def _refresh(batch_size: int, max_batches: int | None, pacing: _Pacing) -> tuple[int, int]:
    indexed = batches = 0
    while max_batches is None or batches < max_batches:
        batch_started = time.perf_counter()
        with transaction.atomic():
            # The oldest waiting first, read from product_search_waiting_idx.
            ids = list(
                Product.objects.filter(SEARCH_WAITING)
                .order_by("updated_at")
                # FOR NO KEY UPDATE, the lock the UPDATE takes anyway: it does not conflict with
                # the FOR KEY SHARE of a foreign key check (a stock movement's, a reservation
                # line's, at their commit), which asks for no run, so a row skipped for it would
                # wait for the sweep. What it skips is a write to the product itself, which asks.
                .select_for_update(skip_locked=True, no_key=True)
                .values_list("pk", flat=True)[:batch_size]
            )
            if ids:
                # A plain UPDATE: updated_at (the ETag) does not move.
                Product.objects.filter(pk__in=ids).update(
                    search_vector=search_document(), search_indexed_at=F("updated_at")
                )
        indexed += len(ids)
        batches += 1 if ids else 0
        if len(ids) < batch_size:
            break
        pacing.after_batch(time.perf_counter() - batch_started)
    return indexed, batches


def search_index_request() -> None:
    """Ask the worker for an indexing run once the current transaction commits (at once outside
    one): what every write path calls after changing products. Coalesced: while a run is
    waiting, asking again adds nothing."""
    transaction.on_commit(_defer_refresh)


def _defer_refresh() -> None:
    try:
        # Its own transaction (or a savepoint): the refused insert of a second waiting run
        # must not abort anything around it.
        with transaction.atomic():
            procrastinate_app.configure_task(name=SEARCH_INDEX_TASK, queueing_lock=SEARCH_INDEX_LOCK).defer()
    except procrastinate_exceptions.AlreadyEnqueued:
        pass  # a run is waiting, and it will index this write too
