from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from rest_framework import serializers

from catalog_service.catalog.api.serializers.common import MoneyField, SkuField
from catalog_service.catalog.models import PRICE_DECIMAL_PLACES, Reservation, ReservationLine, ReservationStatus
from catalog_service.catalog.services.reservations import (
    DEFAULT_TTL_SECONDS,
    ReservationLineRequest,
    ReservationRequest,
)
from common.fields import StrictCharField, StrictUUIDField
from common.serializers import PrebuiltFields, StrictSerializer

MAX_LINES = 100
MAX_LINE_QUANTITY = 1_000_000
MIN_TTL_SECONDS = 10
MAX_TTL_SECONDS = 86_400


class ReservationCreateLineSerializer(StrictSerializer):
    sku = SkuField()
    quantity = serializers.IntegerField(min_value=1, max_value=MAX_LINE_QUANTITY)


# Its fields are built once (PrebuiltFields): this body is validated on every placement.
class ReservationCreateSerializer(PrebuiltFields, StrictSerializer):
    reference = StrictCharField(max_length=200, help_text="The caller's reference, e.g. its order id.")
    lines = serializers.ListField(child=ReservationCreateLineSerializer(), min_length=1, max_length=MAX_LINES)
    ttl_seconds = serializers.IntegerField(
        min_value=MIN_TTL_SECONDS,
        max_value=MAX_TTL_SECONDS,
        required=False,
        default=DEFAULT_TTL_SECONDS,
        help_text="How long the hold lasts unless committed or released.",
    )
    commit = serializers.BooleanField(
        required=False,
        default=False,
        help_text=(
            "true: sell the stock at once, the hold and its commit in one transaction (the reservation answered "
            "is `committed`), for a caller that needs no hold in between. Not part of the request's identity: "
            "repeating a plain hold with `commit` under its key commits that hold if it is still held, and "
            "answers it as it is otherwise."
        ),
    )

    def validate_lines(self, lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen: set[str] = set()
        for line in lines:
            if line["sku"] in seen:
                raise serializers.ValidationError(
                    f"{line['sku']} appears twice; give it once with the total.", "unique"
                )
            seen.add(line["sku"])
        return lines

    def to_request(self) -> ReservationRequest:
        data = self.validated_data
        return ReservationRequest(
            reference=data["reference"],
            lines=tuple(ReservationLineRequest(sku=line["sku"], quantity=line["quantity"]) for line in data["lines"]),
            ttl_seconds=data["ttl_seconds"],
            commit=data["commit"],
        )


class ReservationLineSerializer(serializers.Serializer[ReservationLine]):
    sku = StrictCharField()
    name = StrictCharField(help_text="The product's name when reserved.")
    quantity = serializers.IntegerField()
    unit_price = MoneyField(help_text="The price when reserved, a decimal string in `currency`.")
    currency = StrictCharField()


class ReservationSerializer(serializers.Serializer[Reservation]):
    id = StrictUUIDField()
    status = serializers.ChoiceField(choices=ReservationStatus.choices)
    reference = StrictCharField()
    expires_at = serializers.DateTimeField(help_text="When a held reservation expires unless committed first.")
    lines = ReservationLineSerializer(many=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


def reservation_data(reservation: Reservation) -> dict[str, Any]:
    """What ``ReservationSerializer`` answers for ``reservation`` (its lines prefetched or in
    hand), built directly: the answer of a new reservation, which every order placement makes.
    The serializer's fields were a few percent of catalog's CPU per placement
    (docs/performance.md, "The saga"); it stays the schema's description and the other
    endpoints' serializer, and tests/catalog/test_reservations.py pins that both give the same
    output, key order included."""
    return {
        "id": str(reservation.id),
        "status": str(reservation.status),
        "reference": reservation.reference,
        "expires_at": _timestamp(reservation.expires_at),
        "lines": [
            {
                "sku": line.sku,
                "name": line.name,
                "quantity": line.quantity,
                # MoneyField's output: two places (rounded as DRF rounds), never an exponent.
                "unit_price": format(line.unit_price.quantize(_CENTS), "f"),
                "currency": line.currency,
            }
            for line in reservation.lines.all()
        ],
        "created_at": _timestamp(reservation.created_at),
        "updated_at": _timestamp(reservation.updated_at),
    }


_CENTS = Decimal(1).scaleb(-PRICE_DECIMAL_PLACES)


def _timestamp(value: datetime.datetime) -> str:
    # DateTimeField's output in the UTC every service runs in: ISO 8601, "Z" for the offset.
    text = value.astimezone(datetime.UTC).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


MAX_STATE_IDS = 200


class ReservationStatesQuerySerializer(StrictSerializer):
    ids = serializers.ListField(
        child=StrictUUIDField(),
        min_length=1,
        max_length=MAX_STATE_IDS,
        help_text=f"Reservation ids, up to {MAX_STATE_IDS}.",
    )


class ReservationStateSerializer(serializers.Serializer[Reservation]):
    id = StrictUUIDField()
    status = serializers.ChoiceField(choices=ReservationStatus.choices)
    reference = StrictCharField()
    updated_at = serializers.DateTimeField()


class ReservationStatesSerializer(serializers.Serializer[Any]):
    results = ReservationStateSerializer(many=True, help_text="The reservations found, in the order asked.")
    unknown = serializers.ListField(
        child=StrictUUIDField(), help_text="Ids that are no reservation of yours (or none at all)."
    )
