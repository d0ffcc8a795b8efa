"""Reservations under real concurrency: threads, each with its own database connection, racing
through the HTTP API on committed data (transaction=True)."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection
from rest_framework.test import APIClient

from catalog_service.catalog.models import (
    Product,
    Reservation,
    ReservationKey,
    ReservationLine,
    StockLevel,
    StockMovement,
)
from tests.catalog import tokens

pytestmark = pytest.mark.django_db(transaction=True)

URL = "/api/v1/reservations/"
SCOPES = ("catalog.reservations:write",)


def _in_threads(calls: int, work: Callable[[int], Any], *, workers: int = 20) -> list[Any]:
    def run(number: int) -> Any:
        try:
            return work(number)
        finally:
            # Each thread has its own connection; give it back, or the test database cannot be
            # flushed after the test (and the pool runs dry).
            connection.close()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(run, range(calls)))


def _client() -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens.service_token(scopes=SCOPES)}")
    return client


def test_200_requests_for_50_units_hold_exactly_50(make_product: Callable[..., Product]) -> None:
    make_product("HOT", stock=50)
    token = tokens.service_token(scopes=SCOPES)

    def attempt(number: int) -> int:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        response = client.post(
            URL,
            {"reference": f"order-{number}", "lines": [{"sku": "HOT", "quantity": 1}]},
            format="json",
            HTTP_IDEMPOTENCY_KEY=f"order-{number}",
        )
        return int(response.status_code)

    statuses = Counter(_in_threads(200, attempt))
    assert statuses == {201: 50, 409: 150}
    stock = StockLevel.objects.get(product__sku="HOT")
    assert (stock.on_hand, stock.reserved) == (50, 50)
    assert Reservation.objects.count() == 50
    assert ReservationLine.objects.filter(sku="HOT").count() == 50
    assert StockMovement.objects.filter(reason="reservation_held").count() == 50


def test_competing_multi_line_reservations_never_deadlock_nor_oversell(make_product: Callable[..., Product]) -> None:
    for sku in ("A", "B", "C"):
        make_product(sku, stock=30)
    orders = [["A", "B", "C"], ["C", "B", "A"], ["B", "A"], ["C", "A"]]

    def attempt(number: int) -> int:
        skus = orders[number % len(orders)]
        response = _client().post(
            URL,
            {"reference": f"o-{number}", "lines": [{"sku": sku, "quantity": 2} for sku in skus]},
            format="json",
            HTTP_IDEMPOTENCY_KEY=str(uuid.uuid4()),
        )
        return int(response.status_code)

    statuses = Counter(_in_threads(80, attempt))
    assert set(statuses) <= {201, 409}
    for stock in StockLevel.objects.all():
        assert 0 <= stock.reserved <= stock.on_hand == 30
        held = sum(line.quantity for line in ReservationLine.objects.filter(product_id=stock.product_id))
        assert stock.reserved == held


def test_one_key_sent_20_times_at_once_makes_one_reservation(make_product: Callable[..., Product]) -> None:
    make_product("A", stock=100)
    body = {"reference": "order-7", "lines": [{"sku": "A", "quantity": 3}]}

    def attempt(_: int) -> tuple[int, str | None, Any]:
        response = _client().post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="order-7-reservation")
        return int(response.status_code), response.headers.get("Idempotent-Replayed"), response.json()

    results = _in_threads(20, attempt)
    # Each waits for the claim of the first (common/idempotency.py) and replays its answer: the
    # same status and body, marked; none sees the key in flight.
    assert Counter((status, replayed) for status, replayed, _ in results) == {(201, None): 1, (201, "true"): 19}
    assert len({json.dumps(answer, sort_keys=True) for _, _, answer in results}) == 1
    assert Reservation.objects.count() == ReservationKey.objects.count() == 1
    assert StockLevel.objects.get(product__sku="A").reserved == 3


def test_one_key_with_different_lines_at_once(make_product: Callable[..., Product]) -> None:
    make_product("A", stock=100)

    def attempt(number: int) -> tuple[int, int]:
        quantity = 1 + number % 2
        body = {"reference": "order-8", "lines": [{"sku": "A", "quantity": quantity}]}
        return int(_client().post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="order-8").status_code), quantity

    results = Counter(_in_threads(10, attempt, workers=10))
    # Whichever body won, every request with it is answered 201 (made or replayed), and every
    # request with the other body is 422.
    (won,) = {quantity for (status, quantity) in results if status == 201}
    assert results == {(201, won): 5, (422, 3 - won): 5}
    assert Reservation.objects.count() == 1
    assert StockLevel.objects.get(product__sku="A").reserved == won


def test_commit_release_and_expiry_racing_on_one_reservation(make_product: Callable[..., Product]) -> None:
    from django.utils import timezone

    from catalog_service.catalog.services.reservations import reservations_expire

    make_product("A", stock=10)
    created = (
        _client()
        .post(
            URL, {"reference": "r", "lines": [{"sku": "A", "quantity": 4}]}, format="json", HTTP_IDEMPOTENCY_KEY="race"
        )
        .json()
    )

    def act(number: int) -> Any:
        match number % 3:
            case 0:
                return _client().post(f"{URL}{created['id']}/commit/").status_code
            case 1:
                return _client().post(f"{URL}{created['id']}/release/").status_code
            case _:
                return reservations_expire(now=timezone.now())

    _in_threads(30, act, workers=10)
    reservation = Reservation.objects.get(pk=created["id"])
    stock = StockLevel.objects.get(product__sku="A")
    # Exactly one transition won, and the stock shows exactly its effect.
    assert (reservation.status, stock.on_hand, stock.reserved) in {("committed", 6, 0), ("released", 10, 0)}
    assert StockMovement.objects.filter(reference=created["id"]).count() == 2
