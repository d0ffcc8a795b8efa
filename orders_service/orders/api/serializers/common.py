"""Pieces the orders serializers share."""

from __future__ import annotations

from typing import Any, Final

from common.fields import StrictDecimalField, StrictRegexField
from orders_service.orders.models import MONEY_DECIMAL_PLACES, MONEY_MAX_DIGITS

# catalog's SKU format (catalog_service/openapi.yaml): refused here already, as a 400 naming the
# line, rather than as a refusal from catalog after the order is recorded.
SKU_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"


class SkuField(StrictRegexField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "Letters, digits, `.`, `_` and `-`; up to 64 characters.")
        super().__init__(SKU_PATTERN, max_length=64, **kwargs)


class MoneyField(StrictDecimalField):
    """An amount as a decimal string with two decimal places."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES, **kwargs)
