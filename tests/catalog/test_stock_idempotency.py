"""Stock adjustments with an Idempotency-Key: a retried adjustment is never counted twice."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from catalog_service.catalog.models import Product, StockAdjustmentKey, StockLevel, StockMovement
from catalog_service.catalog.tasks import purge_stock_adjustment_keys_task
from common.idempotency import IdempotencyState
from tests.catalog import tokens
from tests.catalog.helpers import errors

pytestmark = pytest.mark.django_db

URL = "/api/v1/products/P-1/stock-adjustments/"
ADD_5 = {"mode": "add", "quantity": 5, "reason": "restock"}


def _staff(user_id: str = "7c1f3a52-0000-4000-8000-000000000001") -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens.person_token(is_staff=True, user_id=user_id)}")
    return client


def _adjust(client: APIClient, body: dict[str, Any], key: str | None) -> Any:
    headers = {"Idempotency-Key": key} if key is not None else {}
    return client.post(URL, body, format="json", headers=headers)


def _on_hand() -> int:
    return StockLevel.objects.get(product__sku="P-1").on_hand


def test_the_same_key_and_body_adds_once_and_replays_the_answer(make_product: Callable[..., Product]) -> None:
    make_product("P-1", stock=10)
    staff = _staff()
    first = _adjust(staff, ADD_5, key="delivery-881")
    again = _adjust(staff, ADD_5, key="delivery-881")
    assert first.status_code == again.status_code == 201, again.content
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert _on_hand() == 15
    assert StockMovement.objects.filter(product__sku="P-1", delta_on_hand=5).count() == 1


def test_the_same_key_with_another_body_is_422_and_changes_nothing(make_product: Callable[..., Product]) -> None:
    make_product("P-1", stock=10)
    staff = _staff()
    assert _adjust(staff, ADD_5, key="delivery-881").status_code == 201
    response = _adjust(staff, {**ADD_5, "quantity": 6}, key="delivery-881")
    assert response.status_code == 422
    assert errors(response)[0]["code"] == "idempotency_key_reused"
    assert _on_hand() == 15


def test_a_key_belongs_to_whoever_sent_it(make_product: Callable[..., Product]) -> None:
    make_product("P-1", stock=10)
    assert _adjust(_staff(), ADD_5, key="count-1").status_code == 201
    other = _staff(user_id="7c1f3a52-0000-4000-8000-000000000002")
    response = _adjust(other, ADD_5, key="count-1")
    assert response.status_code == 201
    assert "Idempotent-Replayed" not in response
    assert _on_hand() == 20


def test_without_a_key_every_request_counts(make_product: Callable[..., Product]) -> None:
    make_product("P-1", stock=10)
    staff = _staff()
    assert [_adjust(staff, ADD_5, key=None).status_code for _ in range(2)] == [201, 201]
    assert _on_hand() == 20
    assert not StockAdjustmentKey.objects.exists()


def test_a_refused_adjustment_keeps_no_key(make_product: Callable[..., Product]) -> None:
    make_product("P-1", stock=2)
    staff = _staff()
    refused = _adjust(staff, {**ADD_5, "quantity": -5}, key="write-off-3")
    assert refused.status_code == 409
    assert errors(refused)[0]["code"] == "insufficient_stock"
    assert not StockAdjustmentKey.objects.exists()
    assert _adjust(staff, ADD_5, key="write-off-3").status_code == 201  # the key is still free
    assert _on_hand() == 7


@pytest.mark.parametrize("key", ["", "has space", "x" * 256, "caf\u00e9"])
def test_a_malformed_key_is_400_naming_the_header(make_product: Callable[..., Product], key: str) -> None:
    make_product("P-1", stock=10)
    response = _adjust(_staff(), ADD_5, key=key)
    assert response.status_code == 400
    assert [(error["code"], error["attr"]) for error in errors(response)] == [("invalid", "Idempotency-Key")]
    assert _on_hand() == 10


def test_a_key_whose_request_died_is_answered_from_its_movement(make_product: Callable[..., Product]) -> None:
    # The request claimed the key and committed its movement, then died before storing its
    # answer; once its lease is over, a retry gets the adjustment as it stands.
    make_product("P-1", stock=10)
    staff = _staff()
    first = _adjust(staff, ADD_5, key="delivery-882").json()
    StockAdjustmentKey.objects.update(
        state=IdempotencyState.IN_FLIGHT, response_status=None, response_body=None, locked_until=timezone.now()
    )
    retry = _adjust(staff, ADD_5, key="delivery-882")
    assert retry.status_code == 201
    assert retry["Idempotent-Replayed"] == "true"
    assert retry.json() == first
    assert StockAdjustmentKey.objects.get().state == IdempotencyState.COMPLETED
    assert _on_hand() == 15


def test_a_key_still_in_flight_is_409_with_retry_after(make_product: Callable[..., Product]) -> None:
    make_product("P-1", stock=10)
    staff = _staff()
    assert _adjust(staff, ADD_5, key="delivery-883").status_code == 201
    StockAdjustmentKey.objects.update(
        state=IdempotencyState.IN_FLIGHT, locked_until=timezone.now() + datetime.timedelta(minutes=1)
    )
    response = _adjust(staff, ADD_5, key="delivery-883")
    assert response.status_code == 409
    assert errors(response)[0]["code"] == "idempotency_request_in_flight"
    assert response["Retry-After"] == "1"
    assert _on_hand() == 15


def test_expired_keys_are_purged_and_free_again(make_product: Callable[..., Product]) -> None:
    make_product("P-1", stock=10)
    staff = _staff()
    assert _adjust(staff, ADD_5, key="delivery-884").status_code == 201
    StockAdjustmentKey.objects.update(expires_at=timezone.now())
    purge_stock_adjustment_keys_task(timestamp=0)
    assert not StockAdjustmentKey.objects.exists()
    assert "Idempotent-Replayed" not in _adjust(staff, ADD_5, key="delivery-884")
    assert _on_hand() == 20


@pytest.mark.django_db(transaction=True)
def test_one_key_sent_20_times_at_once_adds_once(make_product: Callable[..., Product]) -> None:
    make_product("P-1", stock=10)
    token = tokens.person_token(is_staff=True)

    def attempt(_: int) -> int:
        try:
            client = APIClient()
            client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
            return int(_adjust(client, ADD_5, key="delivery-900").status_code)
        finally:
            connection.close()  # each thread's own connection, or the test database cannot be flushed

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = Counter(pool.map(attempt, range(20)))
    # The first to claim the key adds; the others replay it or, while it is still answering, 409.
    assert statuses[201] >= 1
    assert set(statuses) <= {201, 409}
    assert _on_hand() == 15
    assert StockMovement.objects.filter(product__sku="P-1", delta_on_hand=5).count() == 1
