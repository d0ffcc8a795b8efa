"""Migration 0010: keys kept by reservations in their own columns (before common/idempotency.py
served reservations) become ReservationKey records that replay and conflict like new ones.

The migration cannot run backwards (the old fingerprint is not computable from a record), so
its copy is run here on reservations as the old columns described them: the historical rows
are stand-ins carrying the two removed columns, the lines and the records are real."""

from __future__ import annotations

import datetime
import hashlib
import importlib
import json
import types
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from catalog_service.catalog.api.serializers.reservations import reservation_data
from catalog_service.catalog.models import Product, Reservation, ReservationKey, ReservationLine

migration = importlib.import_module("catalog_service.catalog.migrations.0010_reservation_keys")

pytestmark = pytest.mark.django_db

URL = "/api/v1/reservations/"


def old_fingerprint(reference: str, lines: list[dict[str, Any]], ttl_seconds: int) -> str:
    # ReservationRequest.fingerprint() before 0010: the validated request without ``commit``.
    what = {"reference": reference, "lines": lines, "ttl_seconds": ttl_seconds}
    return hashlib.sha256(json.dumps(what, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def legacy(orders_client: APIClient, body: dict[str, Any], *, key: str, fingerprint: str | None = None) -> Reservation:
    """A reservation as the old code left it: made, its key in its own columns (``legacy``),
    no record; then the migration's copy."""
    made = orders_client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY=f"made-{key}")
    assert made.status_code == 201, made.content
    ReservationKey.objects.all().delete()
    reservation = Reservation.objects.get(pk=made.json()["id"])
    row = types.SimpleNamespace(
        **{field.attname: getattr(reservation, field.attname) for field in Reservation._meta.concrete_fields},
        pk=reservation.pk,
        idempotency_key=key,
        request_fingerprint=fingerprint or old_fingerprint(body["reference"], body["lines"], body["ttl_seconds"]),
    )
    migration._copy([row], ReservationLine, ReservationKey, timezone.now())
    return reservation


@pytest.fixture
def stocked(make_product: Callable[..., Product]) -> None:
    make_product("A", price="10.00", stock=10)
    make_product("B", price="2.50", stock=10)


def test_a_legacy_key_replays_the_reservation_to_the_body_orders_sends(orders_client: APIClient, stocked: None) -> None:
    # orders' client sends every field (orders/clients/catalog.py, to_json), commit true.
    body = {
        "reference": "order-9",
        "lines": [{"sku": "B", "quantity": 1}, {"sku": "A", "quantity": 2}],
        "ttl_seconds": 600,
        "commit": True,
    }
    reservation = legacy(orders_client, body, key="order-9")
    record = ReservationKey.objects.get()
    assert (record.principal, record.key, record.state, record.reservation_id) == (
        "service:orders",
        "order-9",
        "completed",
        reservation.pk,
    )
    assert record.expires_at == reservation.created_at + datetime.timedelta(days=30)

    again = orders_client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="order-9")
    assert (again.status_code, again["Idempotent-Replayed"], again["Location"]) == (
        201,
        "true",
        f"{URL}{reservation.pk}/",
    )
    assert again.json() == reservation_data(Reservation.objects.prefetch_related("lines").get(pk=reservation.pk))
    assert Reservation.objects.count() == 1

    other = orders_client.post(URL, {**body, "reference": "order-10"}, format="json", HTTP_IDEMPOTENCY_KEY="order-9")
    assert (other.status_code, other.json()["errors"][0]["code"]) == (422, "idempotency_key_reused")
    assert Reservation.objects.count() == 1


def test_a_legacy_key_whose_request_cannot_be_recovered_refuses_every_retry(
    orders_client: APIClient, stocked: None
) -> None:
    body = {"reference": "order-11", "lines": [{"sku": "A", "quantity": 1}], "ttl_seconds": 600, "commit": True}
    legacy(orders_client, body, key="order-11", fingerprint="0" * 64)
    assert ReservationKey.objects.get().fingerprint == "0" * 64
    # Refused rather than a second reservation under the key.
    again = orders_client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="order-11")
    assert (again.status_code, again.json()["errors"][0]["code"]) == (422, "idempotency_key_reused")
    assert Reservation.objects.count() == 1


def test_the_migrated_answer_is_the_views() -> None:
    # The migration writes reservation_data's answer itself (migrations import no app code).
    reservation = Reservation(
        id=uuid.uuid4(),
        status="held",
        reference="r",
        caller="service:orders",
        expires_at=datetime.datetime(2026, 1, 2, 3, 4, 5, 678, tzinfo=datetime.UTC),
        created_at=datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
        updated_at=datetime.datetime(2026, 1, 2, 3, 4, 6, tzinfo=datetime.UTC),
    )
    from decimal import Decimal

    lines = [
        ReservationLine(sku="A", name='Zoë "Q"', quantity=2, unit_price=Decimal("99999999.99"), currency="EUR"),
        ReservationLine(sku="B", name="b", quantity=1, unit_price=Decimal("0"), currency="EUR"),
    ]
    reservation._prefetched_objects_cache = {"lines": lines}  # type: ignore[attr-defined]
    assert migration._answer(reservation, lines) == reservation_data(reservation)
