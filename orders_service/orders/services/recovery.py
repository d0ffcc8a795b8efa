"""Recovery of orders the saga left pending, and of cancellations left in flight (no definite
answer from a downstream).

``orders_recover`` settles each pending order older than ``older_than`` again, with the same
keys: catalog answers the repeated reservation request with the reservation it already made
(or makes it now), so no stock is ever held twice; then the order is confirmed, or rejected.

Cancelling orders older than ``older_than`` (since the cancel was recorded) are finished the
same way: ``order_cancel_finish`` repeats the reservation return, idempotent on catalog's side,
and cancels the order once catalog has the stock back.

Several workers may run it at once: each claims a batch of orders (``next_attempt_at`` moved
into the future, under SKIP LOCKED), so no two work on one order at a time, and an order that
stays pending is retried with a growing pause rather than on every run.
"""

from __future__ import annotations

import datetime
import logging
import uuid
from dataclasses import dataclass
from typing import Final

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from orders_service.orders.exceptions import StockReturnRefused
from orders_service.orders.models import Order, OrderStatus
from orders_service.orders.services.placement import order_settle
from orders_service.orders.services.transitions import order_cancel_finish

logger = logging.getLogger(__name__)

RECOVERY_ACTOR: Final = "system:recover_orders"
BATCH_SIZE: Final = 100
# Pause after the n-th failed attempt: 15 s, 30 s, 1 min, ... up to 5 min.
FIRST_PAUSE: Final = datetime.timedelta(seconds=15)
MAX_PAUSE: Final = datetime.timedelta(minutes=5)


@dataclass(frozen=True)
class RecoveryReport:
    examined: int
    confirmed: int
    rejected: int
    still_pending: int
    cancelled: int = 0
    still_cancelling: int = 0


def orders_recover(
    *,
    older_than: datetime.timedelta,
    now: datetime.datetime | None = None,
    limit: int | None = None,
    ignore_backoff: bool = False,
) -> RecoveryReport:
    """Settle every pending order created before ``now - older_than``, then finish every
    cancellation recorded before it (at most ``limit`` orders of each)."""
    now = now or timezone.now()
    counts: dict[str, int] = {}
    examined = 0
    for status in (OrderStatus.PENDING, OrderStatus.CANCELLING):
        seen: set[uuid.UUID] = set()
        while limit is None or len(seen) < limit:
            batch = _claim(
                status=status,
                before=now - older_than,
                now=now,
                size=min(BATCH_SIZE, limit - len(seen)) if limit is not None else BATCH_SIZE,
                ignore_backoff=ignore_backoff,
                seen=seen,
            )
            if not batch:
                break
            seen.update(batch)
            for order_id in batch:
                outcome = _recover_one(order_id, status)
                counts[outcome] = counts.get(outcome, 0) + 1
        examined += len(seen)
    report = RecoveryReport(
        examined=examined,
        confirmed=counts.get(OrderStatus.CONFIRMED, 0),
        rejected=counts.get(OrderStatus.REJECTED, 0),
        still_pending=counts.get(OrderStatus.PENDING, 0),
        cancelled=counts.get(OrderStatus.CANCELLED, 0),
        still_cancelling=counts.get(OrderStatus.CANCELLING, 0),
    )
    if examined:
        logger.info("recovered orders: %s", report)
    return report


def _recover_one(order_id: uuid.UUID, status: OrderStatus) -> str:
    """The order's status after one attempt at settling or finishing it."""
    if status == OrderStatus.PENDING:
        return order_settle(order_id=order_id, actor=RECOVERY_ACTOR).status
    try:
        return order_cancel_finish(order_id=order_id, actor=RECOVERY_ACTOR).status
    except StockReturnRefused:
        # Logged by the service; the order is confirmed again, as before the cancel.
        return OrderStatus.CONFIRMED


def _claim(
    *,
    status: OrderStatus,
    before: datetime.datetime,
    now: datetime.datetime,
    size: int,
    ignore_backoff: bool,
    seen: set[uuid.UUID],
) -> list[uuid.UUID]:
    """Take up to ``size`` due orders in ``status`` for this run and push their next attempt
    back: pending ones placed before ``before``, cancelling ones whose cancel was recorded
    before it (``updated_at``; recovery's own claims write with UPDATE, which leaves it)."""
    since = "created_at" if status == OrderStatus.PENDING else "updated_at"
    due = Q(status=status, **{f"{since}__lt": before})
    if not ignore_backoff:
        due &= Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    with transaction.atomic():
        rows = list(
            Order.objects.select_for_update(skip_locked=True)
            .filter(due)
            # One attempt per order and run, even when the backoff is ignored.
            .exclude(pk__in=seen)
            .order_by(since)
            .values_list("pk", "recovery_attempts")[:size]
        )
        for pk, attempts in rows:
            pause = min(FIRST_PAUSE * (2**attempts), MAX_PAUSE)
            Order.objects.filter(pk=pk).update(
                recovery_attempts=F("recovery_attempts") + 1, next_attempt_at=timezone.now() + pause
            )
    return [pk for pk, _ in rows]
