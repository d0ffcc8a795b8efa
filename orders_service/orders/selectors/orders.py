"""Reads of orders: a customer's own, staff's view of all, the history and the CSV export."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final

from django.db.models import Exists, F, OuterRef, Prefetch, QuerySet, Value

from common.pagination import RowCompare
from orders_service.orders.exceptions import OrderNotFound
from orders_service.orders.models import Order, OrderLine, OrderStatusChange

EXPORT_CHUNK_SIZE: Final = 2000


@dataclass(frozen=True)
class OrderFilters:
    status: str | None = None
    created_after: datetime.datetime | None = None
    created_before: datetime.datetime | None = None
    # Staff only.
    customer_id: uuid.UUID | None = None
    sku: str | None = None


def _with_lines(queryset: QuerySet[Order]) -> QuerySet[Order]:
    # One query for every line of the page, however many orders it has.
    return queryset.prefetch_related(Prefetch("lines", queryset=OrderLine.objects.order_by("id")))


def _filtered(queryset: QuerySet[Order], filters: OrderFilters) -> QuerySet[Order]:
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.created_after:
        queryset = queryset.filter(created_at__gte=filters.created_after)
    if filters.created_before:
        queryset = queryset.filter(created_at__lt=filters.created_before)
    if filters.customer_id:
        queryset = queryset.filter(customer_id=filters.customer_id)
    if filters.sku:
        # EXISTS per order over the (sku, order) index: no join, so no duplicate rows to DISTINCT.
        queryset = queryset.filter(Exists(OrderLine.objects.filter(order=OuterRef("pk"), sku=filters.sku)))
    return queryset


def order_list_for_customer(*, customer_id: uuid.UUID, filters: OrderFilters) -> QuerySet[Order]:
    return _with_lines(_filtered(Order.objects.filter(customer_id=customer_id), filters))


def order_get_for_customer(*, customer_id: uuid.UUID, order_id: uuid.UUID) -> Order:
    """The customer's order; OrderNotFound for anyone else's (no hint that it exists)."""
    order = _with_lines(Order.objects.filter(pk=order_id, customer_id=customer_id)).first()
    if order is None:
        raise OrderNotFound
    return order


def order_list(*, filters: OrderFilters) -> QuerySet[Order]:
    return _with_lines(_filtered(Order.objects.all(), filters))


def order_get(*, order_id: uuid.UUID) -> Order:
    order = _with_lines(Order.objects.filter(pk=order_id)).first()
    if order is None:
        raise OrderNotFound
    return order


def order_history(*, order_id: uuid.UUID) -> QuerySet[OrderStatusChange]:
    if not Order.objects.filter(pk=order_id).exists():
        raise OrderNotFound
    return OrderStatusChange.objects.filter(order_id=order_id).order_by("at", "id")


EXPORT_COLUMNS: Final = (
    "id",
    "created_at",
    "status",
    "customer_id",
    "customer_email",
    "currency",
    "total",
    "units",
    "confirmed_at",
    "rejection_reason",
)


def orders_export_rows(*, filters: OrderFilters) -> Iterator[tuple[Any, ...]]:
    """Rows of the CSV export at constant memory: read in keyset chunks of EXPORT_CHUNK_SIZE, one
    short query each over the (created_at, id) index, rather than from a server-side cursor.
    Behind a transaction pooler a cursor outlives nothing (docs/deploy.md, "Behind PgBouncer"),
    and between chunks no connection is held while the client reads."""
    queryset = _filtered(Order.objects.all(), filters).order_by("created_at", "id").values_list(*EXPORT_COLUMNS)
    created_at, order_id = EXPORT_COLUMNS.index("created_at"), EXPORT_COLUMNS.index("id")
    chunk = list(queryset[:EXPORT_CHUNK_SIZE])
    while chunk:
        yield from chunk
        if len(chunk) < EXPORT_CHUNK_SIZE:
            return
        last = chunk[-1]
        after = RowCompare([F("created_at"), F("id")], [Value(last[created_at]), Value(last[order_id])], ">")
        chunk = list(queryset.filter(after)[:EXPORT_CHUNK_SIZE])
