"""Staff: every order with filters, fulfilment, history; reports; the admin."""

from __future__ import annotations

import csv
import datetime
import io
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from devtools.testing.responses import streamed
from orders_service.orders.models import Order, OrderStatus
from orders_service.orders.selectors import orders as order_selectors
from tests.orders.conftest import Shopper
from tests.orders.real_services import Catalog

pytestmark = pytest.mark.django_db

Place = Callable[..., Any]


@pytest.fixture
def shop(make_shopper: Callable[..., Shopper], catalog: Catalog, place: Place) -> dict[str, Any]:
    """Two customers: alice bought mugs and tea, bob tea and a pen (short)."""
    catalog.add("MUG-1", price="10.00", stock=10)
    catalog.add("TEA-2", price="2.50", stock=10)
    catalog.add("PEN-3", price="1.00", stock=0)
    alice, bob = make_shopper(), make_shopper()
    orders = {
        "alice-mugs": place(alice, [("MUG-1", 2)]).json()["id"],
        "alice-tea": place(alice, [("TEA-2", 4), ("MUG-1", 1)]).json()["id"],
        "bob-tea": place(bob, [("TEA-2", 1)]).json()["id"],
        "bob-pen": place(bob, [("PEN-3", 1)]).json()["id"],
    }
    return {"alice": alice, "bob": bob, "orders": orders}


def ids(client: Any, **params: str) -> set[str]:
    response = client.get("/api/v1/staff/orders/", params)
    assert response.status_code == 200, response.content
    return {order["id"] for order in response.json()["results"]}


def test_staff_see_every_order_filtered_by_status_customer_sku_and_date(staff: Shopper, shop: dict[str, Any]) -> None:
    orders = shop["orders"]
    assert ids(staff.client) == set(orders.values())
    assert ids(staff.client, status="rejected") == {orders["bob-pen"]}
    assert ids(staff.client, customer=shop["alice"].id) == {orders["alice-mugs"], orders["alice-tea"]}
    assert ids(staff.client, sku="MUG-1") == {orders["alice-mugs"], orders["alice-tea"]}
    assert ids(staff.client, sku="TEA-2", customer=shop["bob"].id) == {orders["bob-tea"]}
    Order.objects.filter(pk=orders["alice-mugs"]).update(created_at=timezone.now() - datetime.timedelta(days=10))
    last_week = (timezone.now() - datetime.timedelta(days=7)).isoformat()
    assert ids(staff.client, created_before=last_week) == {orders["alice-mugs"]}
    assert orders["alice-mugs"] not in ids(staff.client, created_after=last_week)
    assert staff.client.get("/api/v1/staff/orders/", {"sku": "no spaces"}).status_code == 400
    assert staff.client.get("/api/v1/staff/orders/", {"customer": "x"}).status_code == 400


def test_the_sku_filter_is_an_exists_subquery() -> None:
    from orders_service.orders.selectors.orders import OrderFilters, order_list

    sql = str(order_list(filters=OrderFilters(sku="MUG-1")).query)
    assert "EXISTS" in sql
    assert "DISTINCT" not in sql


def test_customers_cannot_use_the_staff_api(shopper: Shopper) -> None:
    assert shopper.client.get("/api/v1/staff/orders/").status_code == 403
    assert (
        shopper.client.get("/api/v1/reports/sales/", {"date_from": "2030-01-01", "date_to": "2030-01-02"}).status_code
        == 403
    )


def test_staff_list_queries_do_not_grow_with_the_page(
    staff: Shopper, shop: dict[str, Any], django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(2):
        small = staff.client.get("/api/v1/staff/orders/", {"page_size": 1})
    with django_assert_num_queries(2):
        large = staff.client.get("/api/v1/staff/orders/", {"page_size": "50", "sku": "MUG-1"})
    assert len(small.json()["results"]) == 1
    assert len(large.json()["results"]) == 2


def test_fulfil_and_history(staff: Shopper, shop: dict[str, Any]) -> None:
    order_id = shop["orders"]["alice-mugs"]
    response = staff.client.post(
        f"/api/v1/staff/orders/{order_id}/fulfil/", {"reason": "shipped with DHL"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "fulfilled"
    assert staff.client.post(f"/api/v1/staff/orders/{order_id}/fulfil/").json()["status"] == "fulfilled"
    # A fulfilled order can no longer be cancelled.
    assert staff.client.post(f"/api/v1/staff/orders/{order_id}/cancel/").status_code == 409
    history = staff.client.get(f"/api/v1/staff/orders/{order_id}/history/").json()["results"]
    assert [(h["from_status"], h["to_status"]) for h in history] == [
        ("", "pending"),
        ("pending", "confirmed"),
        ("confirmed", "fulfilled"),
    ]
    assert history[0]["actor"] == f"user:{shop['alice'].id}"
    assert history[2]["actor"] == f"user:{staff.id}"
    assert history[2]["reason"] == "shipped with DHL"
    rejected = shop["orders"]["bob-pen"]
    assert staff.client.post(f"/api/v1/staff/orders/{rejected}/fulfil/").status_code == 409
    assert staff.client.get(f"/api/v1/staff/orders/{uuid.uuid4()}/history/").status_code == 404


def test_staff_cancel_returns_stock(staff: Shopper, shop: dict[str, Any], catalog: Catalog) -> None:
    before = catalog.products["TEA-2"].on_hand
    order_id = shop["orders"]["bob-tea"]
    assert staff.client.post(f"/api/v1/staff/orders/{order_id}/cancel/").json()["status"] == "cancelled"
    assert catalog.products["TEA-2"].on_hand == before + 1


# --- reports ------------------------------------------------------------------------------------


def _sold(
    days_ago: int, currency: str, total: str, units: int, *, sku: str = "SKU-1", status: str = "confirmed"
) -> Order:
    at = timezone.now().replace(hour=12) - datetime.timedelta(days=days_ago)
    order = Order.objects.create(
        customer_id=uuid.uuid4(),
        shipping_address={},
        units=units,
        reservation_ttl_seconds=600,
        status=status,
        currency=currency,
        total=Decimal(total),
        confirmed_at=at,
    )
    order.lines.create(sku=sku, quantity=units, unit_price=Decimal(total) / units, line_total=Decimal(total))
    return order


def report(client: Any, **params: str) -> list[dict[str, Any]]:
    response = client.get("/api/v1/reports/sales/", params)
    assert response.status_code == 200, response.content
    return list(response.json()["results"])


def test_sales_per_day_month_and_sku_per_currency(staff: Shopper, django_assert_num_queries: Any) -> None:
    _sold(1, "EUR", "10.00", 1, sku="MUG-1")
    _sold(1, "EUR", "5.00", 2, sku="TEA-2")
    _sold(1, "USD", "7.00", 1, sku="MUG-1")
    _sold(2, "EUR", "3.00", 3, sku="MUG-1", status="fulfilled")
    _sold(2, "EUR", "99.00", 9, sku="MUG-1", status="cancelled")  # not a sale any more
    today = timezone.now().date()
    span = {"date_from": str(today - datetime.timedelta(days=5)), "date_to": str(today)}
    with django_assert_num_queries(1):
        days = report(staff.client, **span, group_by="day")
    day1, day2 = str(today - datetime.timedelta(days=1)), str(today - datetime.timedelta(days=2))
    assert days == [
        {"period": day2, "sku": None, "currency": "EUR", "orders": 1, "units": 3, "revenue": "3.00"},
        {"period": day1, "sku": None, "currency": "EUR", "orders": 2, "units": 3, "revenue": "15.00"},
        {"period": day1, "sku": None, "currency": "USD", "orders": 1, "units": 1, "revenue": "7.00"},
    ]
    months = report(staff.client, **span, group_by="month")
    assert sum(Decimal(row["revenue"]) for row in months if row["currency"] == "EUR") == Decimal("18.00")
    skus = report(staff.client, **span, group_by="sku")
    assert [(r["sku"], r["currency"], r["orders"], r["units"], r["revenue"]) for r in skus] == [
        ("MUG-1", "EUR", 2, 4, "13.00"),
        ("MUG-1", "USD", 1, 1, "7.00"),
        ("TEA-2", "EUR", 1, 2, "5.00"),
    ]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"date_from": "2030-01-02", "date_to": "2030-01-01"},
        {"date_from": "2020-01-01", "date_to": "2030-01-01", "group_by": "day"},
        {"date_from": "2030-01-01", "date_to": "2030-01-02", "group_by": "week"},
        {"date_from": "yesterday", "date_to": "2030-01-02"},
    ],
)
def test_bad_report_queries_are_400(staff: Shopper, params: dict[str, str]) -> None:
    assert staff.client.get("/api/v1/reports/sales/", params).status_code == 400


def test_the_sales_query_reads_the_covering_index(staff: Shopper) -> None:
    from django.db import connection

    from orders_service.orders.selectors.reports import GroupBy, sales_report

    for _ in range(3):
        _sold(1, "EUR", "1.00", 1)
    # A year of older sales, so the three days asked for are a small slice of the table, and
    # fresh statistics: the plan must not depend on what earlier tests left in pg_statistic.
    Order.objects.bulk_create(
        Order(
            customer_id=uuid.uuid4(),
            shipping_address={},
            units=1,
            reservation_ttl_seconds=600,
            status="confirmed",
            currency="EUR",
            total=Decimal("1.00"),
            confirmed_at=timezone.now() - datetime.timedelta(days=10 + index % 355),
        )
        for index in range(2000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE orders_order")
        # The table is still small enough to read whole; make the planner show the index it would use.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        start = timezone.now() - datetime.timedelta(days=3)
        from django.db.models.functions import TruncDay

        from orders_service.orders.models import SOLD_STATUSES

        queryset = Order.objects.filter(
            status__in=SOLD_STATUSES, confirmed_at__gte=start, confirmed_at__lt=timezone.now()
        )
        plan = queryset.annotate(day=TruncDay("confirmed_at")).values("day", "currency").explain()
    assert "order_sales_idx" in plan
    assert sales_report(date_from=start, date_to=timezone.now(), group_by=GroupBy.DAY)[0].orders == 3


def test_orders_export_streams_csv(staff: Shopper, shop: dict[str, Any]) -> None:
    today = timezone.now().date()
    response = staff.client.get("/api/v1/reports/orders-export/", {"date_from": str(today), "date_to": str(today)})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(streamed(response).decode())))
    assert {row["id"] for row in rows} == set(shop["orders"].values())
    assert {row["status"] for row in rows} == {"confirmed", "rejected"}
    rejected = staff.client.get(
        "/api/v1/reports/orders-export/", {"date_from": str(today), "date_to": str(today), "status": "rejected"}
    )
    assert len(streamed(rejected).decode().strip().splitlines()) == 2


def test_orders_export_reads_in_keyset_chunks_not_a_cursor(
    shop: dict[str, Any], monkeypatch: pytest.MonkeyPatch, django_assert_num_queries: Any
) -> None:
    """One short query per chunk, seeking past the last row's (created_at, id): no server-side
    cursor, which a transaction-mode pooler would lose between statements (docs/deploy.md)."""
    monkeypatch.setattr(order_selectors, "EXPORT_CHUNK_SIZE", 2)
    expected = list(Order.objects.order_by("created_at", "id").values_list("id", flat=True))
    assert len(expected) >= 3
    with django_assert_num_queries(len(expected) // 2 + 1) as context:
        rows = list(order_selectors.orders_export_rows(filters=order_selectors.OrderFilters()))
    assert [row[0] for row in rows] == expected
    assert all("DECLARE" not in query["sql"] for query in context.captured_queries)


# accounts takes an email that starts with these (RFC 5322 allows them in a local part); "@",
# tab and carriage return it refuses, so they never reach orders (tests/common/test_csv_cells.py
# checks the neutralisation of every trigger).
@pytest.mark.parametrize("trigger", ["=", "+", "-"])
def test_orders_export_neutralises_a_customer_email_a_spreadsheet_would_run(
    staff: Shopper, make_shopper: Callable[..., Shopper], catalog: Catalog, place: Place, trigger: str
) -> None:
    """The email placement copied from accounts goes out as text a spreadsheet shows, never runs
    (OWASP "CSV Injection", common/csv_cells.py); numbers and dates stay as they are."""
    catalog.add("MUG-1", price="10.00", stock=10)
    email = f"{trigger}cmd|calc@example.com"
    customer = make_shopper(email=email, full_name=f"{trigger}cmd|' /C calc'!A0")
    order_id = place(customer, [("MUG-1", 2)]).json()["id"]
    assert Order.objects.get(pk=order_id).customer_email == email
    today = str(timezone.now().date())
    response = staff.client.get("/api/v1/reports/orders-export/", {"date_from": today, "date_to": today})
    (row,) = csv.DictReader(io.StringIO(streamed(response).decode()))
    assert row["customer_email"] == "'" + email
    assert (row["id"], row["customer_id"], row["total"], row["units"]) == (order_id, customer.id, "20.00", "2")


def test_orders_export_errors_are_json(staff: Shopper) -> None:
    response = staff.client.get("/api/v1/reports/orders-export/", {"date_from": "nope"}, headers={"Accept": "text/csv"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["type"] == "validation_error"


# --- admin --------------------------------------------------------------------------------------


@pytest.fixture
def admin_client(shop: dict[str, Any]) -> Client:
    user = User.objects.create_superuser("root", "root@example.com", "pw")
    client = Client()
    client.force_login(user)
    return client


def test_the_admin_lists_orders_without_counting_the_table(
    admin_client: Client, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(12):
        response = admin_client.get("/admin/orders/order/")
    assert response.status_code == 200
    from orders_service.orders.admin import OrderAdmin

    assert OrderAdmin.show_full_result_count is False


def test_the_admin_shows_an_order_with_lines_and_history(admin_client: Client, shop: dict[str, Any]) -> None:
    response = admin_client.get(f"/admin/orders/order/{shop['orders']['alice-tea']}/change/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "TEA-2" in page
    assert "pending" in page
    assert "confirmed" in page


def test_the_admin_cancel_action_goes_through_the_service(
    admin_client: Client, shop: dict[str, Any], catalog: Catalog
) -> None:
    confirmed, rejected = shop["orders"]["alice-mugs"], shop["orders"]["bob-pen"]
    before = catalog.products["MUG-1"].on_hand
    response = admin_client.post(
        "/admin/orders/order/",
        {"action": "cancel_orders", "_selected_action": [confirmed, rejected], "confirm": "yes"},
        follow=True,
    )
    assert response.status_code == 200
    assert Order.objects.get(pk=confirmed).status == OrderStatus.CANCELLED
    assert Order.objects.get(pk=rejected).status == OrderStatus.REJECTED
    assert catalog.products["MUG-1"].on_hand == before + 2
    assert Order.objects.get(pk=confirmed).history.last().actor == "admin:root"  # type: ignore[union-attr]
