"""The orders admin for staff: search by part of an e-mail or a name through trigram indexes,
big lists that page to their end, fulfil and cancel with a confirmation (docs/admin.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from orders_service.orders.models import Order
from tests.orders.conftest import Shopper
from tests.orders.fakes import FakeCatalog

pytestmark = pytest.mark.django_db

ORDERS = "/admin/orders/order/"
Place = Callable[..., Any]


@pytest.fixture
def shop(make_shopper: Callable[..., Shopper], catalog: FakeCatalog, place: Place) -> dict[str, str]:
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
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    queryset, _ = OrderAdmin(Order, admin.site).get_search_results(rf.get(ORDERS), Order.objects.all(), "customer")
    assert "order_customer_words_idx" in queryset.explain()
