"""Pieces the orders serializers share."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from orders_service.orders.models import MONEY_DECIMAL_PLACES, MONEY_MAX_DIGITS

# catalog's SKU format (catalog_service/openapi.yaml): refused here already, as a 400 naming the
# line, rather than as a refusal from catalog after the order is recorded.
SKU_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"


class StrictSerializer(serializers.Serializer[Any]):
    """Refuses keys it does not know: a client setting ``status``, ``total`` or a price must
    learn that it cannot, rather than see it silently ignored."""

    # Read by common.schema.AutoSchema: the request schema forbids additional properties.
    refuses_unknown_fields = True

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, Mapping):
            unknown = sorted(str(key) for key in data if key not in self.fields)
            if unknown:
                raise serializers.ValidationError(
                    {key: [ErrorDetail("This field cannot be set.", code="not_allowed")] for key in unknown}
                )
        return super().to_internal_value(data)


class SkuField(serializers.RegexField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "Letters, digits, `.`, `_` and `-`; up to 64 characters.")
        super().__init__(SKU_PATTERN, max_length=64, **kwargs)


class MoneyField(serializers.DecimalField):
    """An amount as a decimal string with two decimal places."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_DECIMAL_PLACES, **kwargs)
