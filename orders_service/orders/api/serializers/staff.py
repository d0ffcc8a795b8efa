"""Serializers of the staff API: every order, its history, fulfilment."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from common.fields import StrictCharField, StrictUUIDField
from common.serializers import StrictSerializer
from orders_service.orders.api.serializers.orders import OrderSerializer
from orders_service.orders.models import OrderStatus


class StaffOrderSerializer(OrderSerializer):
    reservation_id = StrictUUIDField(allow_null=True, help_text="The catalog reservation of its stock.")
    recovery_attempts = serializers.IntegerField(help_text="How often recovery has retried it.")


class OrderStatusChangeSerializer(serializers.Serializer[Any]):  # Any: serializes pages (many=True)
    from_status = serializers.ChoiceField(choices=OrderStatus.choices, allow_blank=True, help_text="Empty: created.")
    to_status = serializers.ChoiceField(choices=OrderStatus.choices)
    at = serializers.DateTimeField()
    actor = StrictCharField(help_text="`user:<uuid>`, `service:<name>`, `system:<job>` or `admin:<name>`.")
    reason = StrictCharField()


class OrderTransitionSerializer(StrictSerializer):
    reason = StrictCharField(max_length=500, required=False, allow_blank=True, default="")
