"""Reads of stock levels and their audit trail."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import F, QuerySet, Value
from django.db.models.functions import Coalesce

from catalog_service.catalog.exceptions import NotFound
from catalog_service.catalog.models import Product, StockMovement
from catalog_service.catalog.services.stock import StockAdjustment
from common.pagination import Keyset

MOVEMENTS_KEYSET = Keyset(name="-created_at", columns=("created_at", "id"), descending=True)


@dataclass(frozen=True)
class Availability:
    sku: str
    available: int


@dataclass(frozen=True)
class AvailabilityReport:
    items: tuple[Availability, ...]  # in the order asked
    unknown: tuple[str, ...]  # SKUs that are not (active) products


@dataclass(frozen=True)
class StockLevelView:
    sku: str
    on_hand: int
    reserved: int
    updated_at: datetime.datetime | None

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


def stock_availability(*, skus: Sequence[str], include_inactive: bool = False) -> AvailabilityReport:
    """How many of each SKU can be reserved now, in one query whatever the number of SKUs."""
    products = Product.objects.filter(sku__in=set(skus))
    if not include_inactive:
        products = products.filter(is_active=True)
    rows = products.annotate(
        available=Coalesce(F("stock__on_hand") - F("stock__reserved"), Value(0)),
    ).values_list("sku", "available")
    found = dict(rows)
    asked = list(dict.fromkeys(skus))  # once each, in order
    return AvailabilityReport(
        items=tuple(Availability(sku=sku, available=found[sku]) for sku in asked if sku in found),
        unknown=tuple(sku for sku in asked if sku not in found),
    )


def stock_level_get(*, sku: str) -> StockLevelView:
    row = (
        Product.objects.filter(sku=sku)
        .values_list("sku", "stock__on_hand", "stock__reserved", "stock__updated_at")
        .first()
    )
    if row is None:
        raise NotFound(f"No product with SKU {sku!r}.")
    found_sku, on_hand, reserved, updated_at = row
    return StockLevelView(sku=found_sku, on_hand=on_hand or 0, reserved=reserved or 0, updated_at=updated_at)


def stock_movement_list(*, sku: str) -> QuerySet[StockMovement]:
    """The audit trail of one product, for keyset pagination by MOVEMENTS_KEYSET (newest first)."""
    product_id = Product.objects.filter(sku=sku).values_list("pk", flat=True).first()
    if product_id is None:
        raise NotFound(f"No product with SKU {sku!r}.")
    return StockMovement.objects.filter(product_id=product_id)


def stock_adjustment_get(*, movement_id: int) -> StockAdjustment:
    """An adjustment as it stands now: its movement, and the product's stock level today."""
    movement = (
        StockMovement.objects.filter(pk=movement_id)
        .values_list("product__sku", "delta_on_hand", "product__stock__on_hand", "product__stock__reserved")
        .first()
    )
    if movement is None:
        raise NotFound(f"No stock movement {movement_id}.")
    sku, delta_on_hand, on_hand, reserved = movement
    return StockAdjustment(
        sku=sku, movement_id=movement_id, delta_on_hand=delta_on_hand, on_hand=on_hand or 0, reserved=reserved or 0
    )
