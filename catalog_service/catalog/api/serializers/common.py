"""Fields several resources share."""

from __future__ import annotations

import datetime
import json
from typing import Any

from rest_framework import serializers

from catalog_service.catalog.models import (
    CURRENCY_PATTERN,
    PRICE_DECIMAL_PLACES,
    PRICE_MAX_DIGITS,
    SKU_MAX_LENGTH,
    SKU_PATTERN,
)
from common.fields import StrictDecimalField, StrictRegexField

# Database ids are bigints: a bigger number is no id, and must not reach a query.
MAX_ID = 2**63 - 1


class SkuField(StrictRegexField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "Letters, digits, `.`, `_` and `-`; up to 64 characters.")
        super().__init__(SKU_PATTERN, max_length=SKU_MAX_LENGTH, **kwargs)


class CurrencyField(StrictRegexField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "ISO 4217 code, e.g. `EUR`.")
        super().__init__(CURRENCY_PATTERN, max_length=3, **kwargs)


class MoneyField(StrictDecimalField):
    """An amount as a decimal string (never a float), non-negative, with two decimal places."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 0)
        super().__init__(max_digits=PRICE_MAX_DIGITS, decimal_places=PRICE_DECIMAL_PLACES, **kwargs)


class TimestampField(serializers.DateTimeField):
    """A timestamp, rendered in UTC (``...Z``) like every API timestamp.

    Naming the zone spares DRF a look-up of the active time zone (an asgiref Local) per value,
    which profiling put at a tenth of a 100-row product page's time (docs/performance.md).
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("default_timezone", datetime.UTC)
        super().__init__(**kwargs)


class IdField(serializers.IntegerField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class AttributesField(serializers.JSONField):
    """Free-form product attributes: a JSON object, bounded so that no request can make it huge.

    PostgreSQL's jsonb refuses the NUL character (``\\u0000``), which JSON allows; it is
    refused here, where it is a 400, rather than in the database, where it would be a 500.
    """

    max_keys = 100
    max_bytes = 16_384
    max_depth = 5

    default_error_messages = {  # noqa: RUF012  (DRF merges this class attribute)
        "not_an_object": "Attributes must be a JSON object.",
        "too_large": "Attributes may have at most {max_keys} keys and {max_bytes} bytes.",
        "too_deep": "Attributes may nest at most {max_depth} levels.",
        "null_character": "Attributes may not contain the NUL character.",
    }

    def to_internal_value(self, data: Any) -> Any:
        value = super().to_internal_value(data)
        if not isinstance(value, dict):
            self.fail("not_an_object")
        if len(value) > self.max_keys or len(json.dumps(value).encode()) > self.max_bytes:
            self.fail("too_large", max_keys=self.max_keys, max_bytes=self.max_bytes)
        self._check(value, depth=1)
        return value

    def _check(self, value: Any, *, depth: int) -> None:
        if depth > self.max_depth:
            self.fail("too_deep", max_depth=self.max_depth)
        if isinstance(value, dict):
            for key, item in value.items():
                self._check(key, depth=depth)
                self._check(item, depth=depth + 1)
        elif isinstance(value, list):
            for item in value:
                self._check(item, depth=depth + 1)
        elif isinstance(value, str) and "\x00" in value:
            self.fail("null_character")
