"""Query budgets: every list and detail endpoint runs a fixed number of queries, whatever the
page size or the number of related rows (an N+1 fails here).

Each case names its endpoint, who asks, how to add rows the answer must show, and its budget;
the test counts the queries with a few rows and again with many, and expects the budget both
times. Tokens are verified without the database, so the budget is the resource's own queries.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from devtools.testing.query_budgets import MANY, Budget, assert_query_budget, results_count
from orders_service.orders.models import Order, OrderStatus
from orders_service.orders.services.transitions import order_history_record
from tests.orders.conftest import Shopper
from tests.orders.real_services import Catalog

pytestmark = pytest.mark.django_db
SKUS = [f"SKU-{number}" for number in range(MANY)]


@dataclass
class World:
    place: Callable[..., Any]
    customer: Shopper
    order_ids: list[str] = field(default_factory=list)

    def orders(self, count: int) -> None:
        """``count`` more orders of two lines each."""
        for number in range(count):
            response = self.place(self.customer, [(SKUS[number % MANY], 1), (SKUS[(number + 1) % MANY], 1)])
            assert response.status_code == 201, response.content
            self.order_ids.append(response.json()["id"])

    def lines(self, count: int) -> None:
        """A new order with ``count`` more lines than the last one."""
        lines = len(Order.objects.get(pk=self.order_ids[-1]).lines.all()) + count if self.order_ids else count
        response = self.place(self.customer, [(sku, 1) for sku in SKUS[:lines]])
        assert response.status_code == 201, response.content
        self.order_ids.append(response.json()["id"])

    def history(self, count: int) -> None:
        if not self.order_ids:
            self.orders(1)
        order = Order.objects.get(pk=self.order_ids[-1])
        for _ in range(count):
            order_history_record(
                order=order,
                from_status=OrderStatus.CONFIRMED,
                to_status=OrderStatus.CONFIRMED,
                actor="x",
                reason="note",
            )

    @property
    def last(self) -> str:
        return self.order_ids[-1]


TODAY = datetime.datetime.now(tz=datetime.UTC).date()
BUDGETS = (
    # the page, its lines (a prefetch)
    Budget("my orders", "customer", lambda w: "/api/v1/orders/?page_size=100", World.orders, 2, results_count),
    Budget("my order", "customer", lambda w: f"/api/v1/orders/{w.last}/", World.lines, 2, lambda b: len(b["lines"])),
    Budget("staff orders", "staff", lambda w: "/api/v1/staff/orders/?page_size=100", World.orders, 2, results_count),
    Budget(
        "staff order", "staff", lambda w: f"/api/v1/staff/orders/{w.last}/", World.lines, 2, lambda b: len(b["lines"])
    ),
    # the order (it must exist), then the page of its history
    Budget(
        "staff order history",
        "staff",
        lambda w: f"/api/v1/staff/orders/{w.last}/history/?page_size=100",
        World.history,
        2,
        results_count,
    ),
    # aggregated in SQL: one query whatever the number of orders
    Budget(
        "sales report by sku",
        "staff",
        lambda w: f"/api/v1/reports/sales/?date_from={TODAY}&date_to={TODAY}&group_by=sku",
        World.orders,
        1,
        results_count,
    ),
)


@pytest.mark.parametrize("budget", BUDGETS, ids=[budget.name for budget in BUDGETS])
def test_query_budget(
    budget: Budget[World], make_shopper: Callable[..., Shopper], catalog: Catalog, place: Callable[..., Any]
) -> None:
    for sku in SKUS:
        catalog.add(sku, stock=1000)
    world = World(place=place, customer=make_shopper())
    client = (make_shopper(is_staff=True) if budget.asker == "staff" else world.customer).client
    assert_query_budget(budget, world, client, growth=1)


# Placing an order: one transaction claiming the key (one INSERT ... ON CONFLICT DO NOTHING, no
# look-up before it and no savepoint around it: 3 queries fewer than before) and recording the
# order, its lines and its history in one statement (three before; no DELETE of an expired record
# first: only when the claim meets one); one transaction confirming it (order locked, its lines
# priced as placement saved them, not read again, history, status, with the customer's snapshot
# and the reservation's id: they were two more writes before)
# and completing the key with its answer (a transaction of its own before), which answers the order
# and its lines as saved (they were read back before): the lock, then those four writes as one
# statement (four statements before: 11 queries). Savepoints count too (the test runs inside a
# transaction).
PLACEMENT_QUERIES = 8


def test_placing_an_order_runs_the_same_queries_whatever_its_lines(
    make_shopper: Callable[..., Shopper], catalog: Catalog, place: Callable[..., Any]
) -> None:
    for sku in SKUS:
        catalog.add(sku, stock=1000)
    shopper = make_shopper()
    counts = []
    for lines in (1, MANY):
        with CaptureQueriesContext(connection) as queries:
            response = place(shopper, [(sku, 1) for sku in SKUS[:lines]])
        assert response.status_code == 201, response.content
        assert response.json()["status"] == "confirmed"
        assert len(response.json()["lines"]) == lines
        counts.append(len(queries))
    assert counts == [PLACEMENT_QUERIES, PLACEMENT_QUERIES], [q["sql"][:120] for q in queries.captured_queries]
