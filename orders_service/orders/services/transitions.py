"""Order status changes, each recorded in the status history (from, to, when, who, why).

    pending ──confirm──▶ confirmed ──fulfil──▶ fulfilled
       │                    │
       └──reject──▶ rejected └──cancel──▶ cancelled (stock returned to catalog)

Every change locks the order row and checks the status it starts from, so concurrent callers
(a request and the recovery job, two staff members) cannot both apply one.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from orders_service.orders import metrics
from orders_service.orders.clients import catalog
from orders_service.orders.clients.base import DownstreamRefused, DownstreamUnavailable
from orders_service.orders.exceptions import (
    DependencyUnavailable,
    InvalidTransition,
    OrderNotFound,
    StockReturnRefused,
)
from orders_service.orders.models import Order, OrderLine, OrderStatus, OrderStatusChange, RejectionReason


@dataclass(frozen=True)
class PricedLine:
    """A line as catalog priced it when it held the stock."""

    sku: str
    name: str
    unit_price: Decimal
    currency: str


def order_confirm(
    *, order_id: uuid.UUID, priced: Mapping[str, PricedLine], actor: str, now: datetime.datetime | None = None
) -> Order:
    """pending -> confirmed, with catalog's names and prices; the stock is already sold."""
    now = now or timezone.now()
    with transaction.atomic():
        order = _locked(order_id)
        if order.status != OrderStatus.PENDING:
            return order
        lines = list(order.lines.all())
        total = Decimal("0.00")
        for line in lines:
            price = priced[line.sku]
            line.name = price.name
            line.unit_price = price.unit_price
            line.line_total = price.unit_price * line.quantity
            total += line.line_total
        OrderLine.objects.bulk_update(lines, ["name", "unit_price", "line_total"])
        (currency,) = {price.currency for price in priced.values()}
        _change(order, OrderStatus.CONFIRMED, actor=actor, reason="stock reserved and committed", at=now)
        order.currency = currency
        order.total = total
        order.confirmed_at = now
        order.save(update_fields=["status", "currency", "total", "confirmed_at", "updated_at"])
    metrics.ORDERS_CONFIRMED.inc()
    return order


def order_reject(
    *,
    order_id: uuid.UUID,
    reason: RejectionReason,
    detail: str,
    rejected_lines: Sequence[Mapping[str, Any]] = (),
    actor: str,
) -> Order:
    """pending -> rejected, with why: a definite refusal (shortage, unknown SKU, ...)."""
    with transaction.atomic():
        order = _locked(order_id)
        if order.status != OrderStatus.PENDING:
            return order
        _change(order, OrderStatus.REJECTED, actor=actor, reason=f"{reason.value}: {detail}")
        order.rejection_reason = reason
        order.rejection_detail = detail
        order.rejected_lines = [dict(line) for line in rejected_lines]
        order.save(update_fields=["status", "rejection_reason", "rejection_detail", "rejected_lines", "updated_at"])
    metrics.ORDERS_REJECTED.labels(reason=reason.value).inc()
    return order


def order_cancel(*, order_id: uuid.UUID, actor: str, reason: str = "", customer_id: uuid.UUID | None = None) -> Order:
    """confirmed -> cancelled; catalog takes the stock back (reservation return) first.

    ``customer_id`` limits it to that customer's orders (anyone else's is OrderNotFound).
    Cancelling a cancelled order answers it unchanged.

    The row stays locked while catalog is asked: a fulfilment cannot slip in between the stock
    going back and the order being cancelled. The lock covers one order and at most one bounded
    call (timeouts in common.http); if catalog gives no answer, nothing changes here and the
    caller retries (the return is idempotent on catalog's side).
    """
    with transaction.atomic():
        order = _locked(order_id, customer_id=customer_id)
        if order.status == OrderStatus.CANCELLED:
            return order
        if order.status != OrderStatus.CONFIRMED:
            raise InvalidTransition(order.status, OrderStatus.CANCELLED)
        assert order.reservation_id is not None  # a confirmed order's stock was committed
        try:
            catalog.reservation_return(reservation_id=order.reservation_id)
        except DownstreamUnavailable as exc:
            raise DependencyUnavailable("catalog", retry_after=exc.retry_after) from exc
        except catalog.ReservationConflict as exc:
            raise StockReturnRefused(exc.code) from exc
        except DownstreamRefused as exc:
            raise StockReturnRefused(",".join(exc.codes) or str(exc.status)) from exc
        _change(order, OrderStatus.CANCELLED, actor=actor, reason=reason or "cancelled")
        order.save(update_fields=["status", "updated_at"])
    metrics.ORDERS_CANCELLED.inc()
    return order


def order_fulfil(*, order_id: uuid.UUID, actor: str, reason: str = "") -> Order:
    """confirmed -> fulfilled (shipped). Fulfilling a fulfilled order answers it unchanged."""
    with transaction.atomic():
        order = _locked(order_id)
        if order.status == OrderStatus.FULFILLED:
            return order
        if order.status != OrderStatus.CONFIRMED:
            raise InvalidTransition(order.status, OrderStatus.FULFILLED)
        _change(order, OrderStatus.FULFILLED, actor=actor, reason=reason or "fulfilled")
        order.save(update_fields=["status", "updated_at"])
    metrics.ORDERS_FULFILLED.inc()
    return order


def order_history_record(
    *, order: Order, from_status: str, to_status: str, actor: str, reason: str, at: datetime.datetime | None = None
) -> OrderStatusChange:
    return OrderStatusChange.objects.create(
        order=order, from_status=from_status, to_status=to_status, actor=actor, reason=reason, at=at or timezone.now()
    )


def _locked(order_id: uuid.UUID, *, customer_id: uuid.UUID | None = None) -> Order:
    queryset = Order.objects.select_for_update().filter(pk=order_id)
    if customer_id is not None:
        queryset = queryset.filter(customer_id=customer_id)
    order = queryset.first()
    if order is None:
        raise OrderNotFound
    return order


def _change(
    order: Order, to_status: OrderStatus, *, actor: str, reason: str, at: datetime.datetime | None = None
) -> None:
    order_history_record(order=order, from_status=order.status, to_status=to_status, actor=actor, reason=reason, at=at)
    order.status = to_status
