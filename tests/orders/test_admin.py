"""The orders admin for staff: search by part of an e-mail or a name through trigram indexes,
big lists that page to their end, fulfil and cancel with a confirmation (docs/admin.md)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from orders_service.orders.models import Order, OrderStatus, OrderStatusChange
from tests.orders.conftest import Shopper
from tests.orders.real_services import Catalog

pytestmark = pytest.mark.django_db

ORDERS = "/admin/orders/order/"
Place = Callable[..., Any]


@pytest.fixture
def shop(make_shopper: Callable[..., Shopper], catalog: Catalog, place: Place) -> dict[str, str]:
    catalog.add("MUG-1", price="10.00", stock=10)
    catalog.add("TEA-2", price="2.50", stock=10)
    alice = make_shopper(email="alice.customer@example.com", full_name="Alice Liddell")
    bob = make_shopper(email="bob@shop.test", full_name="Robert Tables")
    return {
        "alice-mugs": place(alice, [("MUG-1", 2)]).json()["id"],
        "alice-tea": place(alice, [("TEA-2", 1)]).json()["id"],
        "bob-tea": place(bob, [("TEA-2", 3)]).json()["id"],
    }


@pytest.fixture
def admin_client() -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("root", "root@example.com", "pw"))
    return client


def found(client: Client, term: str) -> set[str]:
    response = client.get(ORDERS, {"q": term})
    assert response.status_code == 200
    return {str(order.pk) for order in response.context["cl"].result_list}


@pytest.mark.parametrize(
    ("term", "who"),
    [
        ("customer", {"alice-mugs", "alice-tea"}),  # a word of the e-mail
        ("CUST", {"alice-mugs", "alice-tea"}),  # its beginning, any case
        ("alice.cust", {"alice-mugs", "alice-tea"}),  # words typed as in the e-mail
        ("shop.test", {"bob-tea"}),  # the domain
        ("tables", {"bob-tea"}),  # a word of the name
        ("rob tab", {"bob-tea"}),  # beginnings of the name's words
        ("bob@shop.test", {"bob-tea"}),  # the whole e-mail
        ("alice tables", set()),  # every word must match
        ("nobody", set()),
        ("it's (a) & test | !:*", set()),  # what tsquery would parse is only cut into words
    ],
)
def test_orders_are_found_by_part_of_the_email_or_name(
    admin_client: Client, shop: dict[str, str], term: str, who: set[str]
) -> None:
    assert found(admin_client, term) == {shop[name] for name in who}


def test_orders_are_found_by_their_id_or_the_customer_id(admin_client: Client, shop: dict[str, str]) -> None:
    order = Order.objects.get(pk=shop["bob-tea"])
    assert found(admin_client, str(order.pk)) == {shop["bob-tea"]}
    assert found(admin_client, str(order.customer_id)) == {shop["bob-tea"]}


@pytest.mark.parametrize("term", ["al", "-.-", "a@b"])
def test_a_too_short_search_is_explained_not_scanned(admin_client: Client, shop: dict[str, str], term: str) -> None:
    response = admin_client.get(ORDERS, {"q": term})
    assert list(response.context["cl"].result_list) == []
    assert "Type at least 3 letters or digits to search." in response.content.decode()


def test_the_customer_search_reads_its_index(shop: dict[str, str], rf: Any) -> None:
    from orders_service.orders.admin import OrderAdmin

    # Few rows: the planner would rather scan; told not to, it must be able to use the index.
    # Plain index scans are off too: with the table's statistics after a long run, it walked the
    # list's ordering index (order_created_id_idx) and filtered each row instead.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    queryset, _ = OrderAdmin(Order, admin.site).get_search_results(rf.get(ORDERS), Order.objects.all(), "customer")
    assert "order_customer_words_idx" in queryset.explain()


# --- fulfil and cancel ---------------------------------------------------------------------------


def history(order_id: str) -> list[tuple[str, str, str, str]]:
    return list(
        OrderStatusChange.objects.filter(order_id=order_id)
        .order_by("at", "id")
        .values_list("from_status", "to_status", "actor", "reason")
    )


def test_the_change_page_offers_fulfil_and_cancel_for_a_confirmed_order(
    admin_client: Client, shop: dict[str, str]
) -> None:
    page = admin_client.get(f"{ORDERS}{shop['bob-tea']}/change/").content.decode()
    assert f'href="{ORDERS}{shop["bob-tea"]}/fulfil/" class="order-fulfil">Fulfil order</a>' in page
    assert f'href="{ORDERS}{shop["bob-tea"]}/cancel/" class="order-cancel">Cancel order</a>' in page
    Order.objects.filter(pk=shop["bob-tea"]).update(status=OrderStatus.FULFILLED)
    assert "Fulfil order" not in admin_client.get(f"{ORDERS}{shop['bob-tea']}/change/").content.decode()


def test_fulfil_one_order_asks_then_fulfils(admin_client: Client, shop: dict[str, str]) -> None:
    url = f"{ORDERS}{shop['bob-tea']}/fulfil/"
    question = admin_client.get(url)
    assert question.status_code == 200
    assert 'value="Yes, fulfil"' in question.content.decode()
    assert Order.objects.get(pk=shop["bob-tea"]).status == OrderStatus.CONFIRMED  # asking changed nothing

    done = admin_client.post(url, {"confirm": "yes"}, follow=True)
    assert done.redirect_chain[-1][0] == f"{ORDERS}{shop['bob-tea']}/change/"
    assert "Fulfilled 1 order(s)." in done.content.decode()
    assert Order.objects.get(pk=shop["bob-tea"]).status == OrderStatus.FULFILLED
    assert history(shop["bob-tea"])[-1] == ("confirmed", "fulfilled", "admin:root", "fulfilled in the admin")


def test_cancel_one_order_returns_its_stock_through_catalog(
    admin_client: Client, shop: dict[str, str], catalog: Catalog
) -> None:
    before = catalog.products["TEA-2"].on_hand
    done = admin_client.post(f"{ORDERS}{shop['bob-tea']}/cancel/", {"confirm": "yes"}, follow=True)
    assert "Cancelled 1 order(s)." in done.content.decode()
    assert Order.objects.get(pk=shop["bob-tea"]).status == OrderStatus.CANCELLED
    assert catalog.products["TEA-2"].on_hand == before + 3
    # The durable cancel: the intent (cancelling) is written before catalog is called.
    assert [row[:2] for row in history(shop["bob-tea"])][-2:] == [
        ("confirmed", "cancelling"),
        ("cancelling", "cancelled"),
    ]


def test_a_refused_transition_is_explained(admin_client: Client, shop: dict[str, str]) -> None:
    Order.objects.filter(pk=shop["bob-tea"]).update(status=OrderStatus.FULFILLED)
    done = admin_client.post(f"{ORDERS}{shop['bob-tea']}/cancel/", {"confirm": "yes"}, follow=True)
    assert done.status_code == 200
    assert "Cancelled" not in done.content.decode()
    assert Order.objects.get(pk=shop["bob-tea"]).status == OrderStatus.FULFILLED
    assert admin_client.get(f"{ORDERS}{uuid.uuid4()}/cancel/").status_code == 404


def test_the_actions_ask_first_then_act_on_the_selection(
    admin_client: Client, shop: dict[str, str], catalog: Catalog, django_assert_max_num_queries: Any
) -> None:
    chosen = [shop["alice-mugs"], shop["alice-tea"]]
    question = admin_client.post(ORDERS, {"action": "cancel_orders", "_selected_action": chosen})
    page = question.content.decode()
    assert question.status_code == 200
    assert "Cancel these orders?" in page
    assert all(order_id in page for order_id in chosen)
    assert {Order.objects.get(pk=pk).status for pk in chosen} == {OrderStatus.CONFIRMED}

    before = catalog.products["MUG-1"].on_hand
    done = admin_client.post(
        ORDERS, {"action": "cancel_orders", "_selected_action": chosen, "confirm": "yes"}, follow=True
    )
    assert "Cancelled 2 order(s)." in done.content.decode()
    assert {Order.objects.get(pk=pk).status for pk in chosen} == {OrderStatus.CANCELLED}
    assert catalog.products["MUG-1"].on_hand == before + 2
    assert ("confirmed", "cancelling", "admin:root", "cancelled in the admin") in history(shop["alice-mugs"])

    admin_client.post(ORDERS, {"action": "fulfil_orders", "_selected_action": [shop["bob-tea"]], "confirm": "yes"})
    assert Order.objects.get(pk=shop["bob-tea"]).status == OrderStatus.FULFILLED


@pytest.mark.parametrize(
    ("params", "queries"),
    [
        # Session, user, the table's estimate (reltuples) and the bounded count that finds it
        # small here, the page. No date hierarchy: its dates scan every order (OrderAdmin).
        ({}, 5),
        # Searched or filtered by date: no table estimate, the rest the same.
        ({"q": "customer"}, 4),
        ({"created_at__gte": "2020-01-01 00:00:00+00:00"}, 4),
    ],
)
def test_the_order_changelist_query_count(
    admin_client: Client,
    shop: dict[str, str],
    django_assert_num_queries: Any,
    params: dict[str, str],
    queries: int,
) -> None:
    with django_assert_num_queries(queries):
        assert admin_client.get(ORDERS, params).status_code == 200


def test_the_status_history_is_a_read_only_big_list(
    admin_client: Client, shop: dict[str, str], django_assert_num_queries: Any
) -> None:
    history_list = "/admin/orders/orderstatuschange/"
    # Session, user, the estimate, the bounded count, the page: not a query per row.
    with django_assert_num_queries(5):
        page = admin_client.get(history_list)
    assert page.status_code == 200
    assert page.context["cl"].paginator.__class__.__name__ == "EstimatedCountPaginator"
    assert f'href="/admin/orders/order/{shop["bob-tea"]}/change/"' in page.content.decode()
    found = admin_client.get(history_list, {"q": shop["bob-tea"]}).context["cl"].result_list
    assert {str(change.order_id) for change in found} == {shop["bob-tea"]}
    assert "Type an order id" in admin_client.get(history_list, {"q": "bob"}).content.decode()
    assert admin_client.get(f"{history_list}add/").status_code == 403
