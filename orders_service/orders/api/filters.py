"""Query parameters of the orders API's reads: validated here (bounded, typed, a 400 in the
standard shape naming the parameter), then handed to the selectors as frozen dataclasses."""

from __future__ import annotations

import datetime
from typing import Any, Final

from rest_framework import serializers

from common.fields import StrictUUIDField
from common.query_params import QueryParametersSerializer
from orders_service.orders.api.serializers.common import SkuField
from orders_service.orders.models import OrderStatus
from orders_service.orders.selectors.orders import OrderFilters
from orders_service.orders.selectors.reports import MAX_SKU_ROWS, GroupBy


class OrderListFilterSerializer(QueryParametersSerializer):
    status = serializers.ChoiceField(choices=OrderStatus.choices, required=False)
    created_after = serializers.DateTimeField(required=False, help_text="Placed at or after this instant.")
    created_before = serializers.DateTimeField(required=False, help_text="Placed before this instant.")

    def to_filters(self) -> OrderFilters:
        return OrderFilters(**self.validated_data)


class StaffOrderListFilterSerializer(OrderListFilterSerializer):
    customer = StrictUUIDField(required=False, help_text="The customer's user id.")
    sku = SkuField(required=False, help_text="Orders with a line of this SKU.")

    def to_filters(self) -> OrderFilters:
        data = dict(self.validated_data)
        return OrderFilters(customer_id=data.pop("customer", None), **data)


# A per-day report over more than this would be a long answer from an index range scan;
# use months for longer periods.
MAX_DAYS: Final = {GroupBy.DAY: 400, GroupBy.MONTH: 3700, GroupBy.SKU: 3700}


class SalesReportQuerySerializer(QueryParametersSerializer):
    date_from = serializers.DateField(help_text="First day (UTC), included.")
    date_to = serializers.DateField(help_text="Last day (UTC), included.")
    group_by = serializers.ChoiceField(choices=[(g.value, g.value) for g in GroupBy], default=GroupBy.DAY.value)
    limit = serializers.IntegerField(
        min_value=1, max_value=MAX_SKU_ROWS, default=100, help_text="group_by=sku: the best sellers by revenue."
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["date_from"] > attrs["date_to"]:
            raise serializers.ValidationError({"date_to": "Must not be before date_from."}, code="invalid")
        group_by = GroupBy(attrs["group_by"])
        if (attrs["date_to"] - attrs["date_from"]).days >= MAX_DAYS[group_by]:
            raise serializers.ValidationError(
                {"date_to": f"At most {MAX_DAYS[group_by]} days with group_by={group_by.value}."}, code="invalid"
            )
        attrs["group_by"] = group_by
        return attrs

    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        data = self.validated_data
        start = datetime.datetime.combine(data["date_from"], datetime.time.min, tzinfo=datetime.UTC)
        end = datetime.datetime.combine(data["date_to"], datetime.time.min, tzinfo=datetime.UTC)
        return start, end + datetime.timedelta(days=1)


class OrderExportQuerySerializer(QueryParametersSerializer):
    date_from = serializers.DateField(help_text="First day (UTC) the orders were placed, included.")
    date_to = serializers.DateField(help_text="Last day (UTC), included.")
    status = serializers.ChoiceField(choices=OrderStatus.choices, required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["date_from"] > attrs["date_to"]:
            raise serializers.ValidationError({"date_to": "Must not be before date_from."}, code="invalid")
        return attrs

    def to_filters(self) -> OrderFilters:
        data = self.validated_data
        return OrderFilters(
            status=data.get("status"),
            created_after=datetime.datetime.combine(data["date_from"], datetime.time.min, tzinfo=datetime.UTC),
            created_before=datetime.datetime.combine(data["date_to"], datetime.time.min, tzinfo=datetime.UTC)
            + datetime.timedelta(days=1),
        )
