"""Periodic work, run by the procrastinate worker (`manage.py procrastinate worker`) on this
service's own database."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from procrastinate.contrib.django import app

from common.idempotency import idempotency_records_purge
from common.periodic import register_job_housekeeping
from orders_service.orders.models import IdempotencyRecord
from orders_service.orders.services.reconciliation import orders_reconcile
from orders_service.orders.services.recovery import orders_recover

logger = logging.getLogger(__name__)


# Every minute; the queueing lock keeps a slow run from piling up further runs behind it.
@app.periodic(cron="* * * * *", periodic_id="recover_orders")
@app.task(queue="orders", queueing_lock="recover_orders", pass_context=False)
def recover_orders(timestamp: int) -> None:
    orders_recover(older_than=datetime.timedelta(seconds=settings.ORDERS_RECOVERY_AFTER_SECONDS))


@app.periodic(cron="17 * * * *", periodic_id="purge_idempotency_records")
@app.task(queue="orders", queueing_lock="purge_idempotency_records", pass_context=False)
def purge_idempotency_records(timestamp: int) -> None:
    deleted = idempotency_records_purge(IdempotencyRecord)
    if deleted:
        logger.info("purged %d expired idempotency records", deleted)


@app.periodic(cron="*/10 * * * *", periodic_id="reconcile_orders")
@app.task(queue="orders", queueing_lock="reconcile_orders", pass_context=False)
def reconcile_orders(timestamp: int) -> None:
    orders_reconcile(
        window=datetime.timedelta(seconds=settings.ORDERS_RECONCILIATION_WINDOW_SECONDS),
        settle_for=datetime.timedelta(seconds=settings.ORDERS_RECONCILIATION_SETTLE_SECONDS),
    )


# Stalled jobs back to the queue every 5 minutes, finished ones removed after a week.
register_job_housekeeping(app, service="orders", queue="orders")
