"""Query budgets: every list and detail endpoint runs a fixed number of queries, whatever the
page size or the number of related rows (an N+1 fails here).

Each case names its endpoint, who asks, how to add rows the answer must show, and its budget;
the test counts the queries with a few rows and again with many, and expects the budget both
times. Tokens are verified without the database, so the budget is the resource's own queries.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from rest_framework.test import APIClient

from catalog_service.catalog.models import Category, MovementReason, Product, ProductImport
from catalog_service.catalog.services.reservations import ReservationLineRequest, ReservationRequest
from catalog_service.catalog.services.stock import AdjustmentMode, stock_adjust
from devtools.testing.query_budgets import Budget, assert_query_budget, results_count
from tests.catalog.reserving import reserve_in_process

pytestmark = pytest.mark.django_db


@dataclass
class World:
    make_product: Callable[..., Product]
    make_category: Callable[..., Category]
    root: Category
    product: Product
    skus: list[str] = field(default_factory=list)
    reservation_id: uuid.UUID | None = None

    def products(self, count: int) -> None:
        self.skus += [self.make_product(stock=5).sku for _ in range(count)]

    def categories(self, count: int) -> None:
        for _ in range(count):
            self.make_category(parent=self.root)

    def movements(self, count: int) -> None:
        for number in range(count):
            stock_adjust(
                sku=self.product.sku,
                mode=AdjustmentMode.SET,
                quantity=10 + number,
                reason=MovementReason.RESTOCK,
                actor="user:test",
            )

    def reservation_lines(self, count: int) -> None:
        """A new reservation with one line more than the last one had, plus ``count`` - 1."""
        self.products(count)
        request = ReservationRequest(
            reference="budget",
            lines=tuple(ReservationLineRequest(sku=sku, quantity=1) for sku in self.skus),
        )
        outcome = reserve_in_process(request, key=str(uuid.uuid4()))
        self.reservation_id = outcome.reservation_id

    def imports(self, count: int) -> None:
        for _ in range(count):
            ProductImport.objects.create(file_format="csv", file_name="p.csv", created_by="user:test")


BUDGETS = (
    Budget("categories list", "anonymous", lambda w: "/api/v1/categories/", World.categories, 1, len),
    Budget("category detail", "anonymous", lambda w: f"/api/v1/categories/{w.root.pk}/", World.categories, 1),
    # products list: the page; with a category filter also that category's path.
    Budget("products list", "anonymous", lambda w: "/api/v1/products/?page_size=100", World.products, 1, results_count),
    Budget(
        "products list in a category",
        "anonymous",
        lambda w: f"/api/v1/products/?page_size=100&category={w.root.pk}&in_stock=true",
        World.products,
        2,
        results_count,
    ),
    Budget("product detail", "anonymous", lambda w: f"/api/v1/products/{w.product.sku}/", World.movements, 1),
    Budget("stock level", "staff", lambda w: f"/api/v1/products/{w.product.sku}/stock/", World.movements, 1),
    # stock movements: the product by SKU, then the page.
    Budget(
        "stock movements list",
        "staff",
        lambda w: f"/api/v1/products/{w.product.sku}/stock-movements/?page_size=100",
        World.movements,
        2,
        results_count,
    ),
    Budget(
        "availability of several SKUs",
        "anonymous",
        lambda w: "/api/v1/stock/availability/?" + "&".join(f"sku={sku}" for sku in w.skus),
        World.products,
        1,
        results_count,
    ),
    # the reservation, its lines.
    Budget(
        "reservation detail",
        "orders",
        lambda w: f"/api/v1/reservations/{w.reservation_id}/",
        World.reservation_lines,
        2,
        lambda body: len(body["lines"]),
    ),
    Budget(
        "product imports list",
        "staff",
        lambda w: "/api/v1/product-imports/?page_size=100",
        World.imports,
        1,
        results_count,
    ),
    # the import, its first rejected rows.
    Budget(
        "product import detail",
        "staff",
        lambda w: f"/api/v1/product-imports/{ProductImport.objects.values_list('pk', flat=True).first()}/",
        World.imports,
        2,
    ),
)


@pytest.mark.parametrize("budget", BUDGETS, ids=[budget.name for budget in BUDGETS])
def test_query_budget(
    *,
    budget: Budget[World],
    make_product: Callable[..., Product],
    make_category: Callable[..., Category],
    category: Category,
    anonymous_client: APIClient,
    staff_client: APIClient,
    orders_client: APIClient,
) -> None:
    world = World(make_product, make_category, root=category, product=make_product(stock=1))
    client = {"anonymous": anonymous_client, "staff": staff_client, "orders": orders_client}[budget.asker]
    assert_query_budget(budget, world, client)
