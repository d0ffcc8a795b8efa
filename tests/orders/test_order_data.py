"""``order_data`` answers exactly what ``OrderSerializer`` answers (it replaces it on the placement
path, where the serializer's per-field machinery was a measurable share of the CPU)."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from devtools.testing.http_server import Answer
from orders_service.orders.api.serializers.orders import OrderSerializer, order_data
from orders_service.orders.models import Order
from tests.orders.conftest import Shopper
from tests.orders.real_services import Accounts, Catalog

pytestmark = pytest.mark.django_db


def same(order: Order) -> dict[str, Any]:
    expected = OrderSerializer(order).data
    got = order_data(order)
    # The same JSON, key order included (a stored answer is replayed byte for byte).
    assert json.dumps(got) == json.dumps(expected)
    return got


def test_a_confirmed_order(shopper: Shopper, catalog: Catalog, place: Any) -> None:
    catalog.add("MUG-1", stock=5, price="12.50")
    catalog.add("CUP-2", stock=5, price="0.00")
    response = place(shopper, [("MUG-1", 3), ("CUP-2", 1)])
    assert response.status_code == 201
    order = Order.objects.get()
    assert same(order) == response.json()
    assert response.json()["total"] == "37.50"


def test_rejected_orders(shopper: Shopper, catalog: Catalog, place: Any) -> None:
    catalog.add("MUG-1", stock=1)
    short = place(shopper, [("MUG-1", 2)])
    unknown = place(shopper, [("NOPE-1", 1)])
    for response in (short, unknown):
        assert response.status_code == 201
        assert response.json()["status"] == "rejected"
        assert same(Order.objects.get(pk=response.json()["id"])) == response.json()
    assert set(short.json()["rejection"]["lines"][0]) == {"sku", "requested", "available"}
    assert set(unknown.json()["rejection"]["lines"][0]) == {"sku"}


def test_a_pending_order(shopper: Shopper, catalog: Catalog, place: Any) -> None:
    catalog.add("MUG-1", stock=5)
    catalog.fail(lambda r: r.path == "/api/v1/reservations/", Answer(503), times=3)
    response = place(shopper, [("MUG-1", 1)])
    assert response.status_code == 202
    assert same(Order.objects.get()) == response.json()
    assert response.json()["currency"] is None
    assert response.json()["total"] is None


def test_an_address_from_the_address_book(shopper: Shopper, catalog: Catalog, directory: Accounts, place: Any) -> None:
    catalog.add("MUG-1", stock=5)
    address_id = directory.add_address(shopper.id, line2="", region="Hamburg", phone="+49 40 1234")
    response = place(shopper, [("MUG-1", 1)], shipping_address_id=address_id)
    assert response.status_code == 201
    assert same(Order.objects.get()) == response.json()


def test_edge_values(shopper: Shopper, catalog: Catalog, place: Any) -> None:
    catalog.add("MUG-1", stock=5, price="99999999.99")
    place(shopper, [("MUG-1", 1)])
    order = Order.objects.get()
    # An address written before line2/region/phone were always stored, a time in another zone,
    # microseconds, and characters JSON may escape.
    order.shipping_address = {
        "recipient": 'Zoë \u2028 "Q"',
        "line1": "1 Main",
        "city": "Köln",
        "postal_code": "50667",
        "country": "DE",
    }
    order.customer_name = "名前"
    plus_five = datetime.timezone(datetime.timedelta(hours=5))
    order.created_at = datetime.datetime(2026, 1, 2, 3, 4, 5, 678, tzinfo=plus_five)
    order.confirmed_at = timezone.now().replace(microsecond=0)
    order.total = Decimal("1E+2")
    same(order)
