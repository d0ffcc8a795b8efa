"""Query parameters of the read endpoints: validated here (bounded, typed, a 400 in the standard
shape naming the parameter), then handed to the selectors as frozen dataclasses."""

from __future__ import annotations

import json
import re
from typing import Any

from rest_framework import serializers

from catalog_service.catalog.api.serializers.common import CurrencyField, IdField, MoneyField, SkuField
from catalog_service.catalog.api.serializers.stock import MAX_AVAILABILITY_SKUS
from catalog_service.catalog.bulk.export import ExportFormat
from catalog_service.catalog.selectors.products import AttributeMatch, ProductFilters, ProductOrdering
from common import request_limits
from common.fields import StrictCharField
from common.query_params import QueryParametersSerializer

ATTRIBUTE_PARAM_PREFIX = "attr."
ATTRIBUTE_KEY = re.compile(r"^[A-Za-z0-9_:-]{1,64}$")
MAX_ATTRIBUTE_PARAMS = 20
MAX_ATTRIBUTE_VALUE_LENGTH = 200
MAX_ATTRIBUTES_JSON_LENGTH = 2000


def _boolean(**kwargs: Any) -> serializers.BooleanField:
    # allow_null makes an absent parameter None rather than False (QueryDict input is "HTML").
    return serializers.BooleanField(required=False, allow_null=True, default=None, **kwargs)


class CategoryListFilterSerializer(QueryParametersSerializer):
    parent = IdField(required=False, help_text="Only the descendants of this category.")  # type: ignore[assignment]  # a field, not Field.parent
    max_depth = serializers.IntegerField(
        required=False, min_value=1, max_value=64, help_text="Only categories down to this depth (1: the roots)."
    )


class ProductListFilterSerializer(QueryParametersSerializer):
    category = IdField(required=False, help_text="This category and every category below it.")
    price_min = MoneyField(required=False)
    price_max = MoneyField(required=False)
    currency = CurrencyField(required=False)
    in_stock = _boolean(help_text="Only products with (true) or without (false) stock available to reserve.")
    is_active = _boolean(
        help_text="Staff only: `false` lists inactive products. Everyone else always sees active products only."
    )
    updated_since = serializers.DateTimeField(required=False, help_text="Changed at or after this instant.")
    attributes = StrictCharField(
        required=False,
        max_length=MAX_ATTRIBUTES_JSON_LENGTH,
        help_text=(
            'A JSON object the attributes must contain, e.g. `{"color": "red", "size": 42}`. '
            "Single attributes can also be given as `attr.<key>=<value>` (repeat a key for any of several "
            "values; `attr.size=42` matches the number or the string)."
        ),
    )
    q = StrictCharField(
        required=False,
        allow_blank=True,  # an empty search box is no search
        max_length=200,
        help_text='Full-text search (web-search syntax: `red shoes`, `"exact phrase"`, `-excluded`, `or`).',
    )
    ordering = serializers.ChoiceField(
        required=False,
        choices=[(ordering.value, ordering.value) for ordering in ProductOrdering],
        help_text="Default: `relevance` with `q`, else `name`. `relevance` needs `q`.",
    )

    def validate_attributes(self, value: str) -> dict[str, Any]:
        try:
            # Bounded nesting: Python's json would recurse into a RecursionError (a 500).
            parsed = request_limits.loads(value)
        except ValueError:
            raise serializers.ValidationError("Enter a JSON object.", "invalid") from None
        if not isinstance(parsed, dict) or not parsed:
            raise serializers.ValidationError("Enter a non-empty JSON object.", "invalid")
        return parsed

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        low, high = attrs.get("price_min"), attrs.get("price_max")
        if low is not None and high is not None and low > high:
            raise serializers.ValidationError({"price_max": "Must not be below price_min."}, "invalid")
        attrs["attribute_matches"] = self._attribute_params()
        return attrs

    def _attribute_params(self) -> tuple[AttributeMatch, ...]:
        query = self.initial_data
        keys = [key for key in query if key.startswith(ATTRIBUTE_PARAM_PREFIX)]
        if len(keys) > MAX_ATTRIBUTE_PARAMS:
            raise serializers.ValidationError({"attr": f"At most {MAX_ATTRIBUTE_PARAMS} attribute filters."}, "invalid")
        matches = []
        for param in keys:
            key = param.removeprefix(ATTRIBUTE_PARAM_PREFIX)
            if not ATTRIBUTE_KEY.match(key):
                raise serializers.ValidationError(
                    {param: "Attribute names are 1-64 letters, digits, _ : -."}, "invalid"
                )
            candidates: list[dict[str, Any]] = []
            for value in query.getlist(param)[:MAX_ATTRIBUTE_PARAMS]:
                if len(value) > MAX_ATTRIBUTE_VALUE_LENGTH or "\x00" in value:
                    raise serializers.ValidationError({param: "Invalid attribute value."}, "invalid")
                candidates.extend({key: scalar} for scalar in _scalars(value))
            matches.append(AttributeMatch(any_of=tuple(candidates)))
        return tuple(matches)

    def to_filters(self, *, include_inactive_requested: bool) -> tuple[ProductFilters, ProductOrdering | None]:
        data = self.validated_data
        attributes = data["attribute_matches"]
        if "attributes" in data:
            attributes = (AttributeMatch(any_of=(data["attributes"],)), *attributes)
        filters = ProductFilters(
            category_id=data.get("category"),
            price_min=data.get("price_min"),
            price_max=data.get("price_max"),
            currency=data.get("currency"),
            in_stock=data.get("in_stock"),
            # Absent (None) means active; only staff may ask for inactive products.
            is_active=data.get("is_active") is not False or not include_inactive_requested,
            updated_since=data.get("updated_since"),
            attributes=attributes,
            q=data.get("q", "").strip() or None,
        )
        ordering = data.get("ordering")
        return filters, ProductOrdering(ordering) if ordering else None


class ExportFormatSerializer(QueryParametersSerializer):
    # Not "format": DRF reads ?format= to pick a renderer (URL_FORMAT_OVERRIDE).
    file_format = serializers.ChoiceField(
        choices=ExportFormat.choices, required=False, default=ExportFormat.CSV, help_text="Default: csv."
    )


class AvailabilityParametersSerializer(serializers.Serializer[Any]):
    """The GET's form of the same query: ``sku`` repeated, so its errors name ``sku``."""

    sku = serializers.ListField(child=SkuField(), min_length=1, max_length=MAX_AVAILABILITY_SKUS, source="skus")


def _scalars(value: str) -> list[Any]:
    """The JSON values a query-string value may stand for: always the string, and the number or
    boolean it spells, because containment compares JSON types (``42`` is not ``"42"``)."""
    scalars: list[Any] = [value]
    if value in {"true", "false"}:
        scalars.append(value == "true")
    elif re.fullmatch(r"-?(0|[1-9][0-9]{0,17})(\.[0-9]{1,10})?", value):
        scalars.append(json.loads(value))
    return scalars
