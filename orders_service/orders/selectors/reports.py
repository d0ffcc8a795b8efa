"""Sales reports, aggregated in PostgreSQL: per currency, the orders, units and revenue.

Sold means confirmed or fulfilled (a cancelled order's stock went back); the date is when the
order was confirmed. The per-day and per-month reports read the partial covering index
``order_sales_idx`` (confirmed_at, including currency, total and units).
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from django.db.models import Count, Sum
from django.db.models.functions import TruncDay, TruncMonth

from orders_service.orders.models import SOLD_STATUSES, Order, OrderLine

MAX_SKU_ROWS: Final = 1000


class GroupBy(enum.StrEnum):
    DAY = "day"
    MONTH = "month"
    SKU = "sku"


@dataclass(frozen=True)
class SalesRow:
    currency: str
    orders: int
    units: int
    revenue: Decimal
    period: datetime.date | None = None  # day or month grouping
    sku: str | None = None  # sku grouping


def sales_report(
    *, date_from: datetime.datetime, date_to: datetime.datetime, group_by: GroupBy, limit: int = MAX_SKU_ROWS
) -> list[SalesRow]:
    """Sales confirmed in [date_from, date_to), grouped; per SKU the best sellers by revenue."""
    if group_by is GroupBy.SKU:
        lines = (
            OrderLine.objects.filter(
                order__status__in=SOLD_STATUSES,
                order__confirmed_at__gte=date_from,
                order__confirmed_at__lt=date_to,
            )
            .values("sku", "order__currency")
            .annotate(orders=Count("order_id", distinct=True), units=Sum("quantity"), revenue=Sum("line_total"))
            .order_by("-revenue", "sku", "order__currency")[:limit]
        )
        return [
            SalesRow(
                sku=row["sku"],
                currency=row["order__currency"],
                orders=row["orders"],
                units=row["units"],
                revenue=row["revenue"],
            )
            for row in lines
        ]
    trunc = TruncDay if group_by is GroupBy.DAY else TruncMonth
    rows = (
        Order.objects.filter(status__in=SOLD_STATUSES, confirmed_at__gte=date_from, confirmed_at__lt=date_to)
        .annotate(period=trunc("confirmed_at", tzinfo=datetime.UTC))
        .values("period", "currency")
        .annotate(orders=Count("id"), units=Sum("units"), revenue=Sum("total"))
        .order_by("period", "currency")
    )
    return [
        SalesRow(
            period=row["period"].date(),
            currency=row["currency"],
            orders=row["orders"],
            units=row["units"],
            revenue=row["revenue"],
        )
        for row in rows
    ]
