"""Serializers of the customer API (place, list, read, cancel)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Final

from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from common.fields import StrictCharField, StrictRegexField, StrictUUIDField
from common.serializers import PrebuiltFields, StrictSerializer
from orders_service.orders.api.serializers.common import MoneyField, SkuField
from orders_service.orders.models import MONEY_DECIMAL_PLACES, Order, OrderLine, OrderStatus, RejectionReason
from orders_service.orders.services.placement import PlacementLine, PlacementRequest, ShippingAddress

MAX_LINES: Final = 100
MAX_LINE_QUANTITY: Final = 10_000


class OrderLineCreateSerializer(StrictSerializer):
    sku = SkuField()
    quantity = serializers.IntegerField(min_value=1, max_value=MAX_LINE_QUANTITY)


class OrderShippingAddressInputSerializer(StrictSerializer):
    recipient = StrictCharField(max_length=150)
    line1 = StrictCharField(max_length=200)
    line2 = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    city = StrictCharField(max_length=100)
    region = StrictCharField(max_length=100, required=False, allow_blank=True, default="")
    postal_code = StrictCharField(max_length=20)
    country = StrictRegexField(r"^[A-Za-z]{2}$", max_length=2, help_text="ISO 3166-1 alpha-2 code, e.g. DE.")
    phone = StrictCharField(max_length=32, required=False, allow_blank=True, default="")


# Its fields are built once (PrebuiltFields): this body is validated on every placement.
class OrderCreateSerializer(PrebuiltFields, StrictSerializer):
    lines = serializers.ListField(
        child=OrderLineCreateSerializer(), min_length=1, max_length=MAX_LINES, help_text="Each SKU once."
    )
    shipping_address_id = StrictUUIDField(
        required=False, help_text="One of your addresses on accounts; or give `shipping_address` instead."
    )
    shipping_address = OrderShippingAddressInputSerializer(required=False, help_text="An address given in full.")

    def validate_lines(self, lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen: set[str] = set()
        for line in lines:
            if line["sku"] in seen:
                raise serializers.ValidationError(
                    f"{line['sku']} appears twice; give it once with the total.", "unique"
                )
            seen.add(line["sku"])
        return lines

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("shipping_address_id" in attrs) == ("shipping_address" in attrs):
            raise serializers.ValidationError(
                "Give exactly one of shipping_address_id and shipping_address.", "shipping_address_required"
            )
        return attrs

    def to_request(self) -> PlacementRequest:
        data = self.validated_data
        address = data.get("shipping_address")
        return PlacementRequest(
            lines=tuple(PlacementLine(sku=line["sku"], quantity=line["quantity"]) for line in data["lines"]),
            shipping_address=ShippingAddress(**{**address, "country": address["country"].upper()}) if address else None,
            shipping_address_id=data.get("shipping_address_id"),
        )


# The request schema of placing an order: exactly one of the two address fields, as a oneOf of
# two objects (neither admits a key of the other, so a body with both or neither matches none).
# OrderCreateSerializer, which checks the same, reads the body; these two only document it.
class OrderCreateWithAddressIdSerializer(OrderCreateSerializer):
    shipping_address_id = StrictUUIDField(help_text="One of your addresses on accounts.")
    shipping_address = None  # type: ignore[assignment]


class OrderCreateWithAddressSerializer(OrderCreateSerializer):
    shipping_address_id = None  # type: ignore[assignment]
    shipping_address = OrderShippingAddressInputSerializer(help_text="An address given in full.")


ORDER_CREATE_REQUEST: Final = PolymorphicProxySerializer(
    component_name="OrderCreate",
    serializers=[OrderCreateWithAddressIdSerializer, OrderCreateWithAddressSerializer],
    resource_type_field_name=None,
)


# --- output -------------------------------------------------------------------------------------


class OrderLineSerializer(serializers.Serializer[OrderLine]):
    sku = StrictCharField()
    name = StrictCharField(help_text="As catalog named the product; empty while pending.")
    quantity = serializers.IntegerField()
    unit_price = MoneyField(allow_null=True, help_text="As catalog priced it when it held the stock.")
    line_total = MoneyField(allow_null=True)


class OrderShippingAddressSerializer(serializers.Serializer[Any]):
    recipient = StrictCharField()
    line1 = StrictCharField()
    line2 = StrictCharField(default="")
    city = StrictCharField()
    region = StrictCharField(default="")
    postal_code = StrictCharField()
    country = StrictCharField()
    phone = StrictCharField(default="")


class OrderRejectedLineSerializer(serializers.Serializer[Any]):
    sku = StrictCharField()
    requested = serializers.IntegerField(required=False, help_text="insufficient_stock only.")
    available = serializers.IntegerField(required=False, help_text="insufficient_stock only.")


class OrderRejectionSerializer(serializers.Serializer[Order]):
    reason = serializers.ChoiceField(choices=RejectionReason.choices, source="rejection_reason")
    detail = StrictCharField(source="rejection_detail")
    lines = OrderRejectedLineSerializer(
        many=True, source="rejected_lines", help_text="The short SKUs (with quantities) or the unknown ones."
    )


class OrderSerializer(serializers.Serializer[Any]):  # Any: also serializes pages (many=True)
    id = StrictUUIDField()
    status = serializers.ChoiceField(choices=OrderStatus.choices)
    customer_id = StrictUUIDField()
    customer_email = StrictCharField(help_text="Copied from accounts; empty until then.")
    customer_name = StrictCharField(help_text="Copied from accounts; empty until then.")
    shipping_address = OrderShippingAddressSerializer()
    currency = StrictCharField(allow_null=True, help_text="ISO 4217; null while pending.")
    total = MoneyField(allow_null=True, help_text="Null until catalog has priced the lines.")
    units = serializers.IntegerField()
    lines = OrderLineSerializer(many=True)
    rejection = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    confirmed_at = serializers.DateTimeField(allow_null=True)

    def to_representation(self, instance: Order) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        data["currency"] = data["currency"] or None
        return data

    @extend_schema_field(OrderRejectionSerializer(allow_null=True, help_text="Why; null unless rejected."))
    def get_rejection(self, order: Order) -> dict[str, Any] | None:
        if order.status != OrderStatus.REJECTED:
            return None
        return dict(OrderRejectionSerializer(order).data)


# The fields of OrderShippingAddressSerializer in its order, with the defaults it gives.
_ADDRESS_FIELDS: Final = ("recipient", "line1", "line2", "city", "region", "postal_code", "country", "phone")
_ADDRESS_DEFAULTS: Final = {"line2": "", "region": "", "phone": ""}
_CENTS: Final = Decimal(1).scaleb(-MONEY_DECIMAL_PLACES)


def order_data(order: Order) -> dict[str, Any]:
    """What ``OrderSerializer`` answers for ``order``, built directly: the answer of every order
    placement (and of its replays, stored with the key).

    The serializer builds and deep-copies about forty fields per order, a few percent of a
    placement's CPU in orders (docs/performance.md); the answer only shows attributes.
    ``OrderSerializer`` stays the schema's description and the other endpoints' serializer;
    tests/orders/test_order_data.py pins that both give the same output, key order included.
    """
    address = order.shipping_address
    return {
        "id": str(order.id),
        "status": str(order.status),
        "customer_id": str(order.customer_id),
        "customer_email": order.customer_email,
        "customer_name": order.customer_name,
        "shipping_address": {name: address.get(name, _ADDRESS_DEFAULTS.get(name)) for name in _ADDRESS_FIELDS},
        "currency": order.currency or None,
        "total": _money(order.total),
        "units": order.units,
        "lines": [
            {
                "sku": line.sku,
                "name": line.name,
                "quantity": line.quantity,
                "unit_price": _money(line.unit_price),
                "line_total": _money(line.line_total),
            }
            for line in order.lines.all()
        ],
        "rejection": _rejection(order),
        "created_at": _timestamp(order.created_at),
        "updated_at": _timestamp(order.updated_at),
        "confirmed_at": _timestamp(order.confirmed_at),
    }


def _rejection(order: Order) -> dict[str, Any] | None:
    if order.status != OrderStatus.REJECTED:
        return None
    return {
        "reason": str(order.rejection_reason),
        "detail": order.rejection_detail,
        # OrderRejectedLineSerializer: requested and available only where the line has them.
        "lines": [
            {key: line[key] for key in ("sku", "requested", "available") if key in line}
            for line in order.rejected_lines
        ],
    }


def _money(value: Decimal | None) -> str | None:
    # MoneyField's output: two places (rounded as DRF rounds), never an exponent.
    return None if value is None else format(value.quantize(_CENTS), "f")


def _timestamp(value: datetime.datetime | None) -> str | None:
    # DateTimeField's output in the UTC every service runs in: ISO 8601, "Z" for the offset.
    if value is None:
        return None
    text = value.astimezone(datetime.UTC).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text
