"""Writes to products (stock has its own module: services/stock.py)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.text import slugify

from catalog_service.catalog.exceptions import Conflict, InvalidInput, NotFound, StaleWrite
from catalog_service.catalog.models import Category, Product, StockLevel
from catalog_service.catalog.services.common import UNSET, Unset, constraint_name
from catalog_service.catalog.services.search_index import search_index_request
from catalog_service.catalog.versions import entity_tag, precondition_holds


@dataclass(frozen=True)
class ProductChanges:
    """The fields of a product to change; UNSET ones stay as they are. The SKU never changes:
    it is the product's identity for every caller, copied into their orders."""

    name: str | Unset = UNSET
    slug: str | Unset = UNSET
    description: str | Unset = UNSET
    category_id: int | Unset = UNSET
    price: Decimal | Unset = UNSET
    currency: str | Unset = UNSET
    attributes: dict[str, Any] | Unset = UNSET
    is_active: bool | Unset = UNSET

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not UNSET}


def product_create(
    *,
    sku: str,
    name: str,
    category_id: int,
    price: Decimal,
    currency: str,
    slug: str = "",
    description: str = "",
    attributes: dict[str, Any] | None = None,
    is_active: bool = True,
) -> Product:
    try:
        with transaction.atomic():
            _require_category(category_id)
            product = Product.objects.create(
                sku=sku,
                name=name,
                slug=slug or _slug_for(name, sku),
                description=description,
                category_id=category_id,
                price=price,
                currency=currency,
                attributes=attributes or {},
                is_active=is_active,
            )
            # Every product has its stock row from the start, so stock writes are plain UPDATEs.
            StockLevel.objects.create(product=product)
            # Findable by full-text search once the indexing job has run (after the commit).
            search_index_request()
            return product
    except IntegrityError as exc:
        if constraint_name(exc) == "product_sku_unique":
            raise Conflict(f"A product with SKU {sku!r} exists.", code="sku_taken", field="sku") from exc
        raise


def product_update(*, sku: str, changes: ProductChanges, if_match: frozenset[str] | None) -> Product:
    with transaction.atomic():
        # Locked, so that the If-Match comparison and the write see the same version.
        product = (
            Product.objects.select_for_update().defer("search_vector", "search_indexed_at").filter(sku=sku).first()
        )
        if product is None:
            raise NotFound(f"No product with SKU {sku!r}.")
        if not precondition_holds(if_match, entity_tag(pk=product.pk, updated_at=product.updated_at)):
            raise StaleWrite
        values = changes.as_dict()
        if "category_id" in values and values["category_id"] != product.category_id:
            _require_category(values["category_id"])
        if values.get("slug") == "":
            values["slug"] = _slug_for(values.get("name", product.name), product.sku)
        for name, value in values.items():
            setattr(product, name, value)
        product.save(update_fields=[*values, "updated_at"])
        search_index_request()
        return product


def product_delete(*, sku: str, if_match: frozenset[str] | None) -> None:
    with transaction.atomic():
        product = (
            Product.objects.select_for_update().defer("search_vector", "search_indexed_at").filter(sku=sku).first()
        )
        if product is None:
            raise NotFound(f"No product with SKU {sku!r}.")
        if not precondition_holds(if_match, entity_tag(pk=product.pk, updated_at=product.updated_at)):
            raise StaleWrite
        try:
            product.delete()
        except ProtectedError as exc:
            # Its stock history and reservations are an audit trail that must keep pointing at it.
            raise Conflict(
                "The product has stock movements or reservations; deactivate it (is_active=false) instead.",
                code="product_in_use",
            ) from exc


def _require_category(category_id: int) -> None:
    if not Category.objects.filter(pk=category_id).exists():
        raise InvalidInput(f"No category with id {category_id}.", field="category", code="does_not_exist")


def _slug_for(name: str, sku: str) -> str:
    # A name in a script slugify drops entirely (e.g. only CJK) still needs a slug.
    return (slugify(name) or slugify(sku) or "product")[:255]
