from __future__ import annotations

from typing import Any

from rest_framework import serializers

from catalog_service.catalog.api.serializers.common import SkuField
from catalog_service.catalog.models import MovementReason
from catalog_service.catalog.selectors.stock import AvailabilityReport, StockLevelView
from catalog_service.catalog.services.stock import (
    ADJUSTMENT_MODE_CHOICES,
    ADJUSTMENT_REASON_CHOICES,
    AdjustmentMode,
    StockAdjustment,
)
from common.fields import StrictCharField
from common.serializers import StrictSerializer

# Far beyond any real stock, far within the database's integers.
MAX_ADJUSTMENT = 1_000_000_000
MAX_AVAILABILITY_SKUS = 200


class StockAdjustmentCreateSerializer(StrictSerializer):
    mode = serializers.ChoiceField(
        choices=ADJUSTMENT_MODE_CHOICES,
        help_text="`set`: on_hand becomes `quantity` (a stock count). `add`: `quantity` (may be negative) is added.",
    )
    quantity = serializers.IntegerField(min_value=-MAX_ADJUSTMENT, max_value=MAX_ADJUSTMENT)
    reason = serializers.ChoiceField(choices=ADJUSTMENT_REASON_CHOICES)
    note = StrictCharField(max_length=500, required=False, allow_blank=True, default="")
    reference = StrictCharField(
        max_length=200, required=False, allow_blank=True, default="", help_text="E.g. a delivery note."
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["mode"] == AdjustmentMode.SET and attrs["quantity"] < 0:
            raise serializers.ValidationError({"quantity": "A stock count cannot be negative."}, code="min_value")
        return attrs


class StockAdjustmentSerializer(serializers.Serializer[StockAdjustment]):
    sku = StrictCharField()
    movement_id = serializers.IntegerField(help_text="The stock movement that records the adjustment.")
    delta_on_hand = serializers.IntegerField()
    on_hand = serializers.IntegerField()
    reserved = serializers.IntegerField()
    available = serializers.IntegerField()


class StockLevelSerializer(serializers.Serializer[StockLevelView]):
    sku = StrictCharField()
    on_hand = serializers.IntegerField()
    reserved = serializers.IntegerField(help_text="Held by reservations.")
    available = serializers.IntegerField(help_text="on_hand - reserved: what can be reserved now.")
    updated_at = serializers.DateTimeField(allow_null=True)


class StockMovementSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    delta_on_hand = serializers.IntegerField()
    delta_reserved = serializers.IntegerField()
    reason = serializers.ChoiceField(choices=MovementReason.choices)
    note = StrictCharField()
    actor = StrictCharField(help_text="`user:<uuid>`, `service:<name>` or `system:<job>`.")
    reference = StrictCharField(help_text="A reservation id, or what the adjustment named.")
    created_at = serializers.DateTimeField()


class AvailabilityQuerySerializer(StrictSerializer):
    skus = serializers.ListField(child=SkuField(), min_length=1, max_length=MAX_AVAILABILITY_SKUS)


class AvailabilityItemSerializer(serializers.Serializer[Any]):
    sku = StrictCharField()
    available = serializers.IntegerField(help_text="What can be reserved now (on hand minus reserved).")


class AvailabilitySerializer(serializers.Serializer[AvailabilityReport]):
    results = AvailabilityItemSerializer(many=True, source="items", help_text="The known SKUs, in the order asked.")
    unknown = serializers.ListField(child=StrictCharField(), help_text="SKUs that are no (active) product.")
