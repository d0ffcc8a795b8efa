from __future__ import annotations

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
from common.serializers import StrictSerializer


class ProductSerializer(serializers.Serializer[Any]):
    sku = serializers.CharField()
    name = serializers.CharField()
    slug = serializers.SlugField()
    description = serializers.CharField()
    category = serializers.IntegerField(source="category_id", help_text="The category's id.")
    price = MoneyField(help_text="A decimal string, in `currency`.")
    currency = serializers.CharField(help_text="ISO 4217 code.")
    attributes = serializers.DictField(help_text='Free-form attributes, e.g. `{"color": "red"}`.')
    is_active = serializers.BooleanField()
    created_at = TimestampField()
    updated_at = TimestampField()


class ProductUpdateSerializer(StrictSerializer):
    """PUT replaces every field but the SKU (absent optional fields take their defaults); PATCH
    changes the fields given."""

    name = serializers.CharField(max_length=255)
    slug = serializers.SlugField(
        max_length=255, required=False, allow_blank=True, help_text="Derived from the name when empty or absent."
    )
    description = serializers.CharField(max_length=20_000, required=False, allow_blank=True, default="")
    category = IdField(help_text="The category's id.")
    price = MoneyField()
    currency = CurrencyField()
    attributes = AttributesField(required=False, default=dict)
    is_active = serializers.BooleanField(required=False, default=True)


class ProductCreateSerializer(ProductUpdateSerializer):
    sku = SkuField(help_text="The product's identity; it cannot change later.")
