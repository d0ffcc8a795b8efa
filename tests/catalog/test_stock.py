from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection
from rest_framework.test import APIClient

from catalog_service.catalog.models import MovementReason, Product, StockLevel, StockMovement
from catalog_service.catalog.services.stock import AdjustmentMode, stock_adjust
from tests.catalog.helpers import errors

pytestmark = pytest.mark.django_db

URL = "/api/v1/products/{sku}/stock-adjustments/"


def _adjust(client: APIClient, sku: str, **body: Any) -> Any:
    return client.post(URL.format(sku=sku), {"reason": "restock", **body}, format="json")


def test_set_and_add_are_recorded_as_movements(staff_client: APIClient, make_product: Callable[..., Product]) -> None:
    make_product("P-1")
    counted = _adjust(
        staff_client, "P-1", mode="set", quantity=10, reason="correction", note="count", reference="INV-7"
    )
    assert counted.status_code == 201, counted.content
    assert counted.json() | {"movement_id": 0} == {
        "sku": "P-1",
        "movement_id": 0,
        "delta_on_hand": 10,
        "on_hand": 10,
        "reserved": 0,
        "available": 10,
    }
    added = _adjust(staff_client, "P-1", mode="add", quantity=-3, reason="damaged")
    assert (added.json()["delta_on_hand"], added.json()["on_hand"]) == (-3, 7)
    recount = _adjust(staff_client, "P-1", mode="set", quantity=5, reason="correction")
    assert recount.json()["delta_on_hand"] == -2

    movements = list(
        StockMovement.objects.filter(product__sku="P-1").order_by("id").values_list("delta_on_hand", "reason")
    )
    assert movements == [(10, "correction"), (-3, "damaged"), (-2, "correction")]
    first = StockMovement.objects.filter(product__sku="P-1").order_by("id").first()
    assert first is not None
    assert (first.note, first.reference, first.actor.startswith("user:")) == ("count", "INV-7", True)

    level = staff_client.get("/api/v1/products/P-1/stock/").json()
    assert level | {"updated_at": None} == {
        "sku": "P-1",
        "on_hand": 5,
        "reserved": 0,
        "available": 5,
        "updated_at": None,
    }
    history = staff_client.get("/api/v1/products/P-1/stock-movements/", {"page_size": 2}).json()
    assert [row["delta_on_hand"] for row in history["results"]] == [-2, -3]
    older = staff_client.get(history["next"]).json()
    assert [row["delta_on_hand"] for row in older["results"]] == [10]


def test_stock_cannot_go_negative_nor_below_reserved(
    staff_client: APIClient, make_product: Callable[..., Product]
) -> None:
    product = make_product("P-1", stock=5)
    StockLevel.objects.filter(product=product).update(reserved=3)
    for body in ({"mode": "add", "quantity": -6}, {"mode": "add", "quantity": -3}, {"mode": "set", "quantity": 2}):
        response = _adjust(staff_client, "P-1", **body)
        assert response.status_code == 409, (body, response.content)
        assert errors(response)[0]["code"] == "insufficient_stock"
    assert _adjust(staff_client, "P-1", mode="add", quantity=-2).status_code == 201
    level = StockLevel.objects.get(product=product)
    assert (level.on_hand, level.reserved) == (3, 3)
    # Only the successful adjustment was recorded.
    assert StockMovement.objects.filter(product=product, reason="restock").count() == 2


def test_the_database_refuses_negative_stock_whatever_the_code_path(make_product: Callable[..., Product]) -> None:
    from django.db import IntegrityError, transaction

    product = make_product("P-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        StockLevel.objects.filter(product=product).update(on_hand=-1)
    with pytest.raises(IntegrityError), transaction.atomic():
        StockLevel.objects.filter(product=product).update(reserved=1)


def test_adjustment_validation(staff_client: APIClient, make_product: Callable[..., Product]) -> None:
    make_product("P-1")
    cases: list[tuple[dict[str, Any], str]] = [
        ({"mode": "set", "quantity": -1}, "quantity"),
        ({"mode": "add", "quantity": 10**12}, "quantity"),
        ({"mode": "add", "quantity": "many"}, "quantity"),
        ({"mode": "add", "quantity": 1.5}, "quantity"),
        ({"mode": "multiply", "quantity": 2}, "mode"),
        ({"mode": "add", "quantity": 1, "reason": "reservation_held"}, "reason"),
        ({"mode": "add", "quantity": 1, "note": "x" * 501}, "note"),
    ]
    for body, attr in cases:
        response = staff_client.post(URL.format(sku="P-1"), {"reason": "restock", **body}, format="json")
        assert response.status_code == 400, (body, response.content)
        assert errors(response)[0]["attr"] == attr


def test_out_of_range_totals_are_refused_not_crashed(
    staff_client: APIClient, make_product: Callable[..., Product]
) -> None:
    make_product("P-1")
    assert _adjust(staff_client, "P-1", mode="set", quantity=1_000_000_000).status_code == 201
    assert _adjust(staff_client, "P-1", mode="add", quantity=1_000_000_000).status_code == 201
    overflow = _adjust(staff_client, "P-1", mode="add", quantity=1_000_000_000)
    assert overflow.status_code == 400
    assert errors(overflow)[0] | {"detail": ""} == {"code": "out_of_range", "attr": "quantity", "detail": ""}


def test_adjustments_need_staff_and_a_product(
    customer_client: APIClient, staff_client: APIClient, service_client: Callable[..., APIClient]
) -> None:
    assert _adjust(customer_client, "P-1", mode="add", quantity=1).status_code == 403
    assert _adjust(service_client(), "P-1", mode="add", quantity=1).status_code == 403
    assert _adjust(staff_client, "NOPE", mode="add", quantity=1).status_code == 404
    assert staff_client.get("/api/v1/products/NOPE/stock/").status_code == 404
    assert customer_client.get("/api/v1/products/NOPE/stock/").status_code == 403


@pytest.mark.django_db(transaction=True)
def test_concurrent_adds_all_count(make_product: Callable[..., Product]) -> None:
    make_product("P-1")

    def add(_: int) -> None:
        try:
            stock_adjust(sku="P-1", mode=AdjustmentMode.ADD, quantity=1, reason=MovementReason.RESTOCK, actor="user:t")
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(add, range(40)))
    assert StockLevel.objects.get(product__sku="P-1").on_hand == 40
    assert StockMovement.objects.filter(product__sku="P-1").count() == 40
