from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from rest_framework import serializers

from catalog_service.catalog.api.serializers.common import (
    AttributesField,
    CurrencyField,
    IdField,
    MoneyField,
    SkuField,
    TimestampField,
)
from common.fields import StrictCharField, StrictSlugField
from common.serializers import StrictSerializer


class ProductSerializer(serializers.Serializer[Any]):
    sku = StrictCharField()
    name = StrictCharField()
    slug = StrictSlugField()
    description = StrictCharField()
    category = serializers.IntegerField(source="category_id", help_text="The category's id.")
    price = MoneyField(help_text="A decimal string, in `currency`.")
    currency = StrictCharField(help_text="ISO 4217 code.")
    attributes = serializers.DictField(help_text='Free-form attributes, e.g. `{"color": "red"}`.')
    is_active = serializers.BooleanField()
    created_at = TimestampField()
    updated_at = TimestampField()


def product_data(row: Mapping[str, Any]) -> dict[str, Any]:
    """What ``ProductSerializer`` answers for a row of ``selectors.products.PRODUCT_COLUMNS``,
    built directly for the read endpoints.

    A product page of 100 rows spent half its CPU in the serializer's per-field machinery
    (docs/performance.md, "The ladder"); read paths only show columns, so they need none of it.
    ``ProductSerializer`` stays the schema's and the writes' description, and
    tests/catalog/test_products_read.py pins that both give the same output for the same product.
    """
    return {
        "sku": row["sku"],
        "name": row["name"],
        "slug": row["slug"],
        "description": row["description"],
        "category": row["category_id"],
        # DecimalField's output: the column's two places, never an exponent.
        "price": format(row["price"], "f"),
        "currency": row["currency"],
        "attributes": row["attributes"],
        "is_active": row["is_active"],
        "created_at": timestamp_text(row["created_at"]),
        "updated_at": timestamp_text(row["updated_at"]),
    }


def timestamp_text(value: datetime.datetime) -> str:
    # TimestampField's output: ISO 8601 in UTC, "Z" for the offset. PostgreSQL's answers are in
    # UTC already (the connection's time zone).
    text = (value if value.tzinfo is datetime.UTC else value.astimezone(datetime.UTC)).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


class ProductUpdateSerializer(StrictSerializer):
    """PUT replaces every field but the SKU (absent optional fields take their defaults); PATCH
    changes the fields given."""

    name = StrictCharField(max_length=255)
    slug = StrictSlugField(
        max_length=255, required=False, allow_blank=True, help_text="Derived from the name when empty or absent."
    )
    description = StrictCharField(max_length=20_000, required=False, allow_blank=True, default="")
    category = IdField(help_text="The category's id.")
    price = MoneyField()
    currency = CurrencyField()
    attributes = AttributesField(required=False, default=dict)
    is_active = serializers.BooleanField(required=False, default=True)


class ProductCreateSerializer(ProductUpdateSerializer):
    sku = SkuField(help_text="The product's identity; it cannot change later.")
