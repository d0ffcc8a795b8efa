"""Order status changes, each recorded in the status history (from, to, when, who, why).

    pending ──confirm──▶ confirmed ──fulfil──▶ fulfilled
       │                    │   ▲
       │                 cancel │ catalog refused the return
       │                    ▼   │
       └──reject──▶ rejected  cancelling ──stock returned──▶ cancelled

Every change locks the order row and checks the status it starts from, so concurrent callers
(a request and the recovery job, two staff members) cannot both apply one.
"""

from __future__ import annotations

import datetime
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from django.db import router, transaction
from django.utils import timezone

from common.clients import catalog
from common.clients.base import DownstreamRefused, DownstreamUnavailable
from common.prepared import PreparedValuesQuery, Write, insert_objects, insert_write, update_write, write_together
from orders_service.orders import metrics
from orders_service.orders.exceptions import (
    CancellationInFlight,
    InvalidTransition,
    OrderNotFound,
    StockReturnRefused,
)
from orders_service.orders.models import Order, OrderLine, OrderStatus, OrderStatusChange, RejectionReason

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PricedLine:
    """A line as catalog priced it when it held the stock."""

    sku: str
    name: str
    unit_price: Decimal
    currency: str


@dataclass(frozen=True)
class SettledFacts:
    """What the saga learnt on the way, written with the order's final status: one transaction
    (one WAL flush) instead of one per fact. Until then they only live in the settling request;
    a settling that dies before learns them again (the same calls, idempotent)."""

    customer_email: str | None = None
    customer_name: str = ""
    reservation_id: uuid.UUID | None = None

    def apply(self, order: Order) -> list[str]:
        """Set them on ``order`` (a snapshot already taken is kept); the fields changed."""
        changed = []
        if self.customer_email is not None and not order.customer_email:
            order.customer_email, order.customer_name = self.customer_email, self.customer_name
            changed += ["customer_email", "customer_name"]
        if self.reservation_id is not None and order.reservation_id is None:
            order.reservation_id = self.reservation_id
            changed.append("reservation_id")
        return changed


def order_confirm(
    *,
    order_id: uuid.UUID,
    priced: Mapping[str, PricedLine],
    actor: str,
    facts: SettledFacts = SettledFacts(),  # frozen: one shared default is safe
    now: datetime.datetime | None = None,
    finish: Callable[[Order], Write] | None = None,
    lines: Sequence[OrderLine] | None = None,
) -> Order:
    """pending -> confirmed, with catalog's names and prices; the stock is already sold.

    ``lines``: the order's lines as the caller saved them (placement, which just wrote them),
    instead of reading them; a pending order's lines change only here, under the order's lock.

    ``finish`` is given the confirmed order (as it will be saved) and answers a write that goes
    into the confirmation's transaction: placement stores its answer under the Idempotency-Key
    (one commit, one WAL flush, instead of two). The writes (history, lines priced, the order,
    ``finish``'s) are one statement after the order's lock (``write_together``): one round trip
    instead of four."""
    now = now or timezone.now()
    with transaction.atomic():
        order = _locked(order_id)
        if order.status != OrderStatus.PENDING:
            return order
        learnt = facts.apply(order)
        lines = list(order.lines.all()) if lines is None else list(lines)
        total = Decimal("0.00")
        for line in lines:
            price = priced[line.sku]
            line.name = price.name
            line.unit_price = price.unit_price
            line.line_total = price.unit_price * line.quantity
            total += line.line_total
        (currency,) = {price.currency for price in priced.values()}
        history = _changed(order, OrderStatus.CONFIRMED, actor=actor, reason="stock reserved and committed", at=now)
        order.currency = currency
        order.total = total
        order.confirmed_at = now
        writes = [
            insert_write([history]),
            _priced_lines(lines),
            # Its values taken now (updated_at set), before finish answers the order.
            update_write(order, ["status", "currency", "total", "confirmed_at", "updated_at", *learnt]),
        ]
        # The lines as saved, for the answer to read without another query.
        order._prefetched_objects_cache = {"lines": lines}  # type: ignore[attr-defined]
        if finish is not None:
            writes.append(finish(order))
        write_together(*writes)
    metrics.ORDERS_CONFIRMED.inc()
    return order


def _priced_lines(lines: Sequence[OrderLine]) -> Write:
    """The lines' names and prices written by one statement. ``bulk_update`` would do it too, but
    builds and compiles a CASE expression per field and line: on the placement path that was
    about 8% of orders' CPU (bench/run_orders.py --profile)."""
    return Write(
        f"""UPDATE {OrderLine._meta.db_table} AS l
            SET name = v.name, unit_price = v.unit_price, line_total = v.line_total
            FROM unnest(%s::bigint[], %s::text[], %s::numeric[], %s::numeric[])
                AS v(id, name, unit_price, line_total)
            WHERE l.id = v.id""",  # noqa: S608  (the table name is the model's, never input)
        [
            [line.pk for line in lines],
            [line.name for line in lines],
            [line.unit_price for line in lines],
            [line.line_total for line in lines],
        ],
        router.db_for_write(OrderLine),
    )


def order_reject(
    *,
    order_id: uuid.UUID,
    reason: RejectionReason,
    detail: str,
    rejected_lines: Sequence[Mapping[str, Any]] = (),
    actor: str,
    facts: SettledFacts = SettledFacts(),  # frozen: one shared default is safe
    finish: Callable[[Order], Write] | None = None,
) -> Order:
    """pending -> rejected, with why: a definite refusal (shortage, unknown SKU, ...).
    ``finish`` as in ``order_confirm``; the history, the order and ``finish``'s write are one
    statement."""
    with transaction.atomic():
        order = _locked(order_id)
        if order.status != OrderStatus.PENDING:
            return order
        learnt = facts.apply(order)
        history = _changed(order, OrderStatus.REJECTED, actor=actor, reason=f"{reason.value}: {detail}")
        order.rejection_reason = reason
        order.rejection_detail = detail
        order.rejected_lines = [dict(line) for line in rejected_lines]
        writes = [
            insert_write([history]),
            update_write(
                order, ["status", "rejection_reason", "rejection_detail", "rejected_lines", "updated_at", *learnt]
            ),
        ]
        if finish is not None:
            writes.append(finish(order))
        write_together(*writes)
    metrics.ORDERS_REJECTED.labels(reason=reason.value).inc()
    return order


def order_cancel(*, order_id: uuid.UUID, actor: str, reason: str = "", customer_id: uuid.UUID | None = None) -> Order:
    """confirmed -> cancelling -> cancelled: the intent is recorded first, then catalog takes the
    stock back (reservation return), then the order is cancelled.

    Returns the order ``cancelled``, or still ``cancelling`` when catalog gave no definite answer
    (timeout, 5xx, open circuit): the return may or may not have happened, and recovery repeats
    the same call until it has (``order_cancel_finish``). Cancelling a cancelling order tries
    that again now; cancelling a cancelled one answers it unchanged. ``customer_id`` limits it to
    that customer's orders (anyone else's is OrderNotFound).

    Recording the intent in its own transaction is what makes the cancellation durable: whatever
    happens to this process while catalog is asked, the order says ``cancelling``, it can no
    longer be fulfilled, and no row lock is held across the call.
    """
    with transaction.atomic():
        order = _locked(order_id, customer_id=customer_id)
        if order.status == OrderStatus.CANCELLED:
            return order
        if order.status == OrderStatus.CONFIRMED:
            _change(order, OrderStatus.CANCELLING, actor=actor, reason=reason or "cancelled")
            # The cancellation's own retries back off from the start, not from placement's.
            order.recovery_attempts = 0
            order.next_attempt_at = None
            order.save(update_fields=["status", "recovery_attempts", "next_attempt_at", "updated_at"])
        elif order.status != OrderStatus.CANCELLING:
            raise InvalidTransition(order.status, OrderStatus.CANCELLED)
    return order_cancel_finish(order_id=order.pk, actor=actor)


def order_cancel_finish(*, order_id: uuid.UUID, actor: str) -> Order:
    """cancelling -> cancelled once catalog has the stock back. The call is the same every time
    (``POST /reservations/{id}/return/``, idempotent on catalog's side: returning a returned
    reservation answers it unchanged), so a request, a retry and recovery may all make it.

    No definite answer leaves the order cancelling (returned as it is). A definite refusal (the
    reservation is not committed) puts the order back to confirmed, as it was before, and raises
    ``StockReturnRefused``.
    """
    order = Order.objects.get(pk=order_id)
    if order.status != OrderStatus.CANCELLING:
        return order
    assert order.reservation_id is not None  # a confirmed order's stock was committed
    try:
        catalog.reservation_return(reservation_id=order.reservation_id)
    except DownstreamUnavailable as exc:
        metrics.ORDERS_LEFT_CANCELLING.inc()
        logger.warning("order %s stays cancelling: %s", order.pk, exc)
        return order
    except (catalog.ReservationConflict, DownstreamRefused) as exc:
        code = exc.code if isinstance(exc, catalog.ReservationConflict) else ",".join(exc.codes) or str(exc.status)
        logger.error("order %s: catalog refused to return reservation %s (%s)", order.pk, order.reservation_id, code)
        with transaction.atomic():
            order = _locked(order_id)
            if order.status == OrderStatus.CANCELLING:
                _change(order, OrderStatus.CONFIRMED, actor=actor, reason=f"cancellation refused by catalog ({code})")
                order.save(update_fields=["status", "updated_at"])
        raise StockReturnRefused(code) from exc
    with transaction.atomic():
        order = _locked(order_id)
        if order.status != OrderStatus.CANCELLING:
            return order  # another request or recovery run finished it first
        _change(order, OrderStatus.CANCELLED, actor=actor, reason="stock returned to catalog")
        order.save(update_fields=["status", "updated_at"])
    metrics.ORDERS_CANCELLED.inc()
    return order


def order_fulfil(*, order_id: uuid.UUID, actor: str, reason: str = "") -> Order:
    """confirmed -> fulfilled (shipped). Fulfilling a fulfilled order answers it unchanged."""
    with transaction.atomic():
        order = _locked(order_id)
        if order.status == OrderStatus.FULFILLED:
            return order
        if order.status == OrderStatus.CANCELLING:
            # Its stock may already be back on sale: shipping it would sell the units twice.
            raise CancellationInFlight(OrderStatus.FULFILLED)
        if order.status != OrderStatus.CONFIRMED:
            raise InvalidTransition(order.status, OrderStatus.FULFILLED)
        _change(order, OrderStatus.FULFILLED, actor=actor, reason=reason or "fulfilled")
        order.save(update_fields=["status", "updated_at"])
    metrics.ORDERS_FULFILLED.inc()
    return order


def order_history_record(
    *, order: Order, from_status: str, to_status: str, actor: str, reason: str, at: datetime.datetime | None = None
) -> OrderStatusChange:
    change = order_history_entry(
        order=order, from_status=from_status, to_status=to_status, actor=actor, reason=reason, at=at
    )
    insert_objects([change])  # OrderStatusChange.objects.create's INSERT, built once (common/prepared.py)
    return change


def order_history_entry(
    *, order: Order, from_status: str, to_status: str, actor: str, reason: str, at: datetime.datetime | None = None
) -> OrderStatusChange:
    """A history entry not yet saved, for a caller that writes it with other rows."""
    return OrderStatusChange(
        order=order, from_status=from_status, to_status=to_status, actor=actor, reason=reason, at=at or timezone.now()
    )


# The order row locked by its key, compiled once (common/prepared.py): every transition of
# every placement runs it, and building and compiling it was a tenth of orders' CPU.
_ORDER_FIELDS: Final = tuple(field.attname for field in Order._meta.concrete_fields)
_LOCKED_ORDER: Final = PreparedValuesQuery(
    lambda pk: Order.objects.select_for_update().filter(pk=pk).order_by().values(*_ORDER_FIELDS),
    uuid_params=("pk",),
)


def _locked(order_id: uuid.UUID, *, customer_id: uuid.UUID | None = None) -> Order:
    if customer_id is None:
        using = router.db_for_write(Order)
        rows = _LOCKED_ORDER.rows(using=using, pk=order_id)
        if not rows:
            raise OrderNotFound
        return Order.from_db(using, _ORDER_FIELDS, [rows[0][name] for name in _ORDER_FIELDS])
    queryset = Order.objects.select_for_update().filter(pk=order_id)
    if customer_id is not None:
        queryset = queryset.filter(customer_id=customer_id)
    # One row by its key: no ORDER BY. first() would order by Order's Meta.ordering, whose
    # compilation was about 5% of orders' CPU per placement (bench/run_orders.py --profile).
    found = list(queryset.order_by()[:1])
    if not found:
        raise OrderNotFound
    return found[0]


def _change(
    order: Order, to_status: OrderStatus, *, actor: str, reason: str, at: datetime.datetime | None = None
) -> None:
    insert_objects([_changed(order, to_status, actor=actor, reason=reason, at=at)])


def _changed(
    order: Order, to_status: OrderStatus, *, actor: str, reason: str, at: datetime.datetime | None = None
) -> OrderStatusChange:
    """``order`` moved to ``to_status``; the history entry that records it, not yet saved."""
    entry = order_history_entry(
        order=order, from_status=order.status, to_status=to_status, actor=actor, reason=reason, at=at
    )
    order.status = to_status
    return entry
