"""Recovery of orders the saga left pending (no definite answer from a downstream).

``orders_recover`` settles each pending order older than ``older_than`` again, with the same
keys: catalog answers the repeated reservation request with the reservation it already made
(or makes it now), so no stock is ever held twice; then the order is confirmed, or rejected.

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

from orders_service.orders.models import Order, OrderStatus
from orders_service.orders.services.placement import order_settle

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


def orders_recover(
    *,
    older_than: datetime.timedelta,
    now: datetime.datetime | None = None,
    limit: int | None = None,
    ignore_backoff: bool = False,
) -> RecoveryReport:
    """Settle every pending order created before ``now - older_than`` (at most ``limit``)."""
    now = now or timezone.now()
    counts = {OrderStatus.CONFIRMED: 0, OrderStatus.REJECTED: 0, OrderStatus.PENDING: 0}
    examined = 0
    seen: set[uuid.UUID] = set()
    while limit is None or examined < limit:
        batch = _claim(
            created_before=now - older_than,
            now=now,
            size=min(BATCH_SIZE, limit - examined) if limit is not None else BATCH_SIZE,
            ignore_backoff=ignore_backoff,
            seen=seen,
        )
        if not batch:
            break
        seen.update(batch)
        for order_id in batch:
            order = order_settle(order_id=order_id, actor=RECOVERY_ACTOR)
            counts[OrderStatus(order.status)] = counts.get(OrderStatus(order.status), 0) + 1
        examined += len(batch)
    report = RecoveryReport(
        examined=examined,
        confirmed=counts[OrderStatus.CONFIRMED],
        rejected=counts[OrderStatus.REJECTED],
        still_pending=counts[OrderStatus.PENDING],
    )
    if examined:
        logger.info("recovered orders: %s", report)
    return report


def _claim(
    *,
    created_before: datetime.datetime,
    now: datetime.datetime,
    size: int,
    ignore_backoff: bool,
    seen: set[uuid.UUID],
) -> list[uuid.UUID]:
    """Take up to ``size`` due pending orders for this run and push their next attempt back."""
    due = Q(status=OrderStatus.PENDING, created_at__lt=created_before)
    if not ignore_backoff:
        due &= Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    with transaction.atomic():
        rows = list(
            Order.objects.select_for_update(skip_locked=True)
            .filter(due)
            # One attempt per order and run, even when the backoff is ignored.
            .exclude(pk__in=seen)
            .order_by("created_at")
            .values_list("pk", "recovery_attempts")[:size]
        )
        for pk, attempts in rows:
            pause = min(FIRST_PAUSE * (2**attempts), MAX_PAUSE)
            Order.objects.filter(pk=pk).update(
                recovery_attempts=F("recovery_attempts") + 1, next_attempt_at=timezone.now() + pause
            )
    return [pk for pk, _ in rows]
