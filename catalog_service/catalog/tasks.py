"""The catalog's background jobs, run by procrastinate's worker (``manage.py procrastinate worker``).

The queue lives in the catalog's own PostgreSQL database (procrastinate's tables come from its
Django migrations), so no other infrastructure is needed and workers scale out as pods.
The app's ``AppConfig.ready()`` imports this module (common.periodic.register_tasks).
"""

from __future__ import annotations

import logging
from uuid import UUID

from django.conf import settings
from django.utils import timezone
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from catalog_service.catalog.models import ReservationKey, StockAdjustmentKey
from catalog_service.catalog.services.imports import IMPORT_LOCK, IMPORT_QUEUE, PRODUCT_IMPORT_TASK, product_import_run
from catalog_service.catalog.services.reservations import reservations_expire
from catalog_service.catalog.services.search_index import (
    SEARCH_INDEX_LOCK,
    SEARCH_INDEX_TASK,
    search_index_refresh,
    search_index_request,
)
from common.idempotency import idempotency_records_purge
from common.periodic import register_job_housekeeping

logger = logging.getLogger(__name__)


@app.task(name=PRODUCT_IMPORT_TASK, queue=IMPORT_QUEUE, lock=IMPORT_LOCK)
def product_import_run_task(import_id: str) -> None:
    # No retry: a failed import is recorded on its job, and running it again is a staff decision.
    result = product_import_run(import_id=UUID(import_id))
    logger.info(
        "product import finished",
        extra={
            "import_id": import_id,
            "status": result.status,
            "rows": result.rows_processed,
            "read_validate_seconds": round(result.timings.read_validate, 2),
            "write_seconds": round(result.timings.write, 2),
            "commit_seconds": round(result.timings.commit, 2),
        },
    )
    # Its products are readable already, and each batch that wrote any asked for indexing
    # (services/imports.py); this last request covers the last batches.
    search_index_request()


# Deferred after every write to products (services/search_index.py: search_index_request), and
# every minute as a sweep for what no write asked for (rows written by SQL by hand, a request
# lost between its commit and its deferral). The queueing lock keeps at most one run waiting;
# runs in parallel (several workers) share the work (SKIP LOCKED). The periodic run has the
# same lock, so a sweep never piles up behind a run that is already waiting.
@app.periodic(cron="* * * * *", periodic_id="search_index_sweep")
@app.task(name=SEARCH_INDEX_TASK, queueing_lock=SEARCH_INDEX_LOCK, retry=RetryStrategy(max_attempts=3, wait=5))
def search_index_refresh_task(timestamp: int | None = None) -> None:
    search_index_refresh(
        sessions=settings.SEARCH_INDEX_SESSIONS, share_during_imports=settings.SEARCH_INDEX_SHARE_DURING_IMPORTS
    )


# queueing_lock: at most one waiting expiry job, however far behind the workers are; a failed
# run is retried shortly rather than waiting for the next minute.
@app.periodic(cron="* * * * *", periodic_id="reservations_expire")
@app.task(
    name="catalog.reservations_expire",
    queueing_lock="catalog.reservations_expire",
    retry=RetryStrategy(max_attempts=3, wait=5),
)
def reservations_expire_task(timestamp: int) -> None:
    # The wall clock, not the scheduled ``timestamp``: a run that starts late expires
    # everything due by now.
    expired = reservations_expire(now=timezone.now())
    if expired:
        logger.info("reservations expired", extra={"expired": expired})


@app.periodic(cron="23 * * * *", periodic_id="purge_stock_adjustment_keys")
@app.task(name="catalog.purge_stock_adjustment_keys", queueing_lock="catalog.purge_stock_adjustment_keys")
def purge_stock_adjustment_keys_task(timestamp: int) -> None:
    deleted = idempotency_records_purge(StockAdjustmentKey)
    if deleted:
        logger.info("expired stock adjustment keys purged", extra={"deleted": deleted})


@app.periodic(cron="29 * * * *", periodic_id="purge_reservation_keys")
@app.task(name="catalog.purge_reservation_keys", queueing_lock="catalog.purge_reservation_keys")
def purge_reservation_keys_task(timestamp: int) -> None:
    deleted = idempotency_records_purge(ReservationKey)
    if deleted:
        logger.info("expired reservation keys purged", extra={"deleted": deleted})


# Stalled jobs back to the queue every 5 minutes, finished ones removed after a week.
register_job_housekeeping(app, service="catalog")
