"""Reconciliation: do orders and catalog agree on each order's stock?

A confirmed or fulfilled order's reservation must be ``committed`` in catalog (its stock sold),
a cancelled order's ``returned`` (its stock back on sale). ``orders_reconcile`` reads the
reservations of the orders changed since a window, in batches of catalog's
``POST /api/v1/reservations/states/``, and flags each order that disagrees
(``Order.reconciliation_issue``), clearing the flag of one that agrees again. Orders flagged
earlier are checked on every run whatever their age, so a flag never outlives its cause.

It reports; it does not repair. A disagreement means something outside the saga happened (a
crash before cancellations were durable, a hand edit of a database, a restore of one database
and not the other): someone must look. /metrics exports how many orders are flagged and when
the last run finished (``ReconciliationCollector``), the admin lists them.

Cheap at scale: only the orders changed within the window (index ``(updated_at, id)``, read
by keyset) plus the flagged ones (a partial index), one catalog request per batch of ids, and
flags are written with UPDATE, which leaves ``updated_at`` (and so the window) alone.
"""

from __future__ import annotations

import datetime
import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from common.clients import catalog
from orders_service.orders.models import Order, OrderStatus, ReconciliationRun

logger = logging.getLogger(__name__)

# What catalog's reservation must say for each order status that has one settled.
EXPECTED: Final = {
    OrderStatus.CONFIRMED: catalog.ReservationStatus.COMMITTED,
    OrderStatus.FULFILLED: catalog.ReservationStatus.COMMITTED,
    OrderStatus.CANCELLED: catalog.ReservationStatus.RETURNED,
}
BATCH_SIZE: Final = min(100, catalog.MAX_STATE_IDS)


@dataclass(frozen=True)
class ReconciliationReport:
    checked: int
    mismatches: int  # orders flagged after this run, over all of them
    window_start: datetime.datetime


def orders_reconcile(
    *, window: datetime.timedelta, settle_for: datetime.timedelta, now: datetime.datetime | None = None
) -> ReconciliationReport:
    """Check the orders changed in ``[now - window, now - settle_for)`` and every flagged one.

    ``settle_for`` leaves out orders changed too recently to judge (a cancel between its two
    steps is ``cancelling``, left out anyway; this also spares a row changing under the read).
    Raises ``DownstreamUnavailable`` when catalog cannot answer: the run is not recorded, and
    the last-run timestamp in /metrics shows that it is late.
    """
    now = now or timezone.now()
    window_start = now - window
    checked = 0
    for batch in _batches(since=window_start, until=now - settle_for):
        checked += _check(batch, now=now)
    mismatches = Order.objects.exclude(reconciliation_issue="").count()
    ReconciliationRun.objects.update_or_create(
        pk=1,
        defaults={
            "finished_at": timezone.now(),
            "window_start": window_start,
            "checked": checked,
            "mismatches": mismatches,
        },
    )
    report = ReconciliationReport(checked=checked, mismatches=mismatches, window_start=window_start)
    (logger.error if mismatches else logger.info)("reconciliation with catalog: %s", report)
    return report


def _batches(
    *, since: datetime.datetime, until: datetime.datetime
) -> Iterator[list[tuple[uuid.UUID, str, uuid.UUID | None]]]:
    """(id, status, reservation_id) of the orders to check, BATCH_SIZE at a time: first the
    flagged ones, then the window's, by keyset on (updated_at, id)."""
    columns = ("pk", "status", "reservation_id")
    flagged = list(Order.objects.exclude(reconciliation_issue="").order_by("pk").values_list(*columns))
    for start in range(0, len(flagged), BATCH_SIZE):
        yield flagged[start : start + BATCH_SIZE]
    seen = {row[0] for row in flagged}
    after: tuple[datetime.datetime, uuid.UUID] | None = None
    while True:
        page = Order.objects.filter(status__in=list(EXPECTED), updated_at__gte=since, updated_at__lt=until)
        if after is not None:
            page = page.filter(Q(updated_at__gt=after[0]) | Q(updated_at=after[0], pk__gt=after[1]))
        rows = list(page.order_by("updated_at", "pk").values_list("updated_at", *columns)[:BATCH_SIZE])
        if not rows:
            return
        after = (rows[-1][0], rows[-1][1])
        batch = [(pk, status, reservation) for _, pk, status, reservation in rows if pk not in seen]
        if batch:
            yield batch


def _check(batch: list[tuple[uuid.UUID, str, uuid.UUID | None]], *, now: datetime.datetime) -> int:
    """Compare one batch with catalog and write its flags; how many orders it checked."""
    reservation_ids = tuple(reservation for _, _, reservation in batch if reservation is not None)
    states = catalog.reservation_states(reservation_ids=reservation_ids) if reservation_ids else None
    found = {state.id: state.status for state in states.results} if states else {}
    issues: dict[uuid.UUID, str] = {}
    for order_id, status, reservation in batch:
        expected = EXPECTED.get(OrderStatus(status))
        if expected is None:
            continue  # flagged earlier, moved on since (e.g. cancelling): judged once it settles
        if reservation is None:
            issues[order_id] = f"orders: {status} without a reservation"
        elif reservation not in found:
            issues[order_id] = f"orders: {status}; catalog: no reservation {reservation}"
        elif found[reservation] != expected:
            issues[order_id] = f"orders: {status}; catalog: reservation {found[reservation]} (expected {expected})"
    with transaction.atomic():
        for order_id, status, _ in batch:
            issue = issues.get(order_id, "")
            # Written only when the verdict changes (most runs write nothing), and only if the
            # order still has the status judged: one that moved on is judged by the next run.
            Order.objects.filter(pk=order_id, status=status).exclude(reconciliation_issue=issue).update(
                reconciliation_issue=issue, reconciled_at=now
            )
    for order_id, issue in issues.items():
        logger.error("order %s disagrees with catalog: %s", order_id, issue)
    return len(batch)
