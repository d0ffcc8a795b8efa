"""Serializers of the staff reports' answers (their query parameters: api/filters.py)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from common.fields import StrictCharField
from orders_service.orders.api.serializers.common import MoneyField
from orders_service.orders.selectors.reports import GroupBy


class SalesReportRowSerializer(serializers.Serializer[Any]):  # Any: serializes lists of SalesRow
    period = serializers.DateField(allow_null=True, help_text="The day, or the month's first day; null per SKU.")
    sku = StrictCharField(allow_null=True, help_text="Per SKU only.")
    currency = StrictCharField()
    orders = serializers.IntegerField()
    units = serializers.IntegerField()
    revenue = MoneyField()


class SalesReportSerializer(serializers.Serializer[Any]):
    date_from = serializers.DateField()
    date_to = serializers.DateField()
    group_by = serializers.ChoiceField(choices=[(g.value, g.value) for g in GroupBy])
    results = SalesReportRowSerializer(many=True)
