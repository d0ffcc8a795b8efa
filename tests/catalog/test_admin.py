"""The catalog admin on big tables: no COUNT(*) over products, indexed search, bulk actions."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import common.admin
from catalog_service.catalog.admin import ProductAdmin
from catalog_service.catalog.models import Category, MovementReason, Product, ProductImport, StockLevel, StockMovement
from catalog_service.catalog.services.imports import product_import_run_file

pytestmark = pytest.mark.django_db

PRODUCTS = "/admin/catalog/product/"
COUNT_OF_PRODUCTS = re.compile(r"SELECT\s+COUNT\(\*\).*\bcatalog_product\b", re.IGNORECASE | re.DOTALL)


def product_counts(queries: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in queries.captured_queries if COUNT_OF_PRODUCTS.search(query["sql"])]


@pytest.fixture
def products(make_category: Callable[..., Category], make_product: Callable[..., Product]) -> list[Product]:
    shoes = make_category("Shoes", slug="shoes")
    made = [
        make_product(f"SHOE-{n:03d}", name=f"Running shoe {n}", category=shoes, currency="USD" if n % 3 else "EUR")
        for n in range(20)
    ]
    made.append(make_product("HAT-001", name="Woollen hat", category=shoes, description="Warm winter hat"))
    return made


@pytest.fixture
def small_exact_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # The test table has tens of rows, not millions: make "big" start at 10.
    monkeypatch.setattr(common.admin, "EXACT_COUNT_LIMIT", 10)


def analyze() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE catalog_product")


def test_the_product_changelist_counts_nothing(
    admin_client: Client, products: list[Product], small_exact_limit: None
) -> None:
    analyze()
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(PRODUCTS)
    assert response.status_code == 200
    assert product_counts(queries) == []
    assert any("reltuples" in query["sql"] for query in queries.captured_queries)
    assert "SHOE-000" in response.content.decode()


def test_the_estimate_reads_as_one_and_the_last_page_is_reached(
    admin_client: Client,
    products: list[Product],
    small_exact_limit: None,
    monkeypatch: pytest.MonkeyPatch,
    django_assert_max_num_queries: Any,
) -> None:
    monkeypatch.setattr(ProductAdmin, "list_per_page", 5)
    analyze()
    first = admin_client.get(PRODUCTS, {"o": "1"}).content.decode()  # ordered by SKU
    assert "rows 1-5 of about 21 products" in first
    assert '<a href="?o=1&amp;p=-1">Last page</a>' in first
    with django_assert_max_num_queries(10):
        last = admin_client.get(PRODUCTS, {"o": "1", "p": "-1"})
    assert [p.sku for p in last.context["cl"].result_list] == [f"SHOE-0{n}" for n in range(15, 20)]
    assert "the last 5 rows of about 21 products" in last.content.decode()
    # Paging on from the start reaches the same last row; past it, the admin's ?e=1.
    assert [p.sku for p in admin_client.get(PRODUCTS, {"o": "1", "p": "5"}).context["cl"].result_list] == ["SHOE-019"]
    assert admin_client.get(PRODUCTS, {"o": "1", "p": "6"}).status_code == 302
    searched = admin_client.get(PRODUCTS, {"q": "shoe"}).content.decode()
    # More than the exact limit matched: the planner's estimate, said to be one.
    assert re.search(r'<span class="result-count">about \d+ results</span>', searched)


def test_a_filtered_changelist_counts_at_most_a_bounded_number_of_rows(
    admin_client: Client, products: list[Product], small_exact_limit: None
) -> None:
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(PRODUCTS, {"is_active__exact": "1", "currency": "USD"})
    assert response.status_code == 200
    counts = product_counts(queries)
    assert counts, "expected the bounded count"
    assert all(re.search(r"LIMIT 11\b", sql) for sql in counts), counts
    # Past the bound, the planner's estimate is shown instead.
    assert any(query["sql"].startswith("EXPLAIN") for query in queries.captured_queries)


def test_a_small_result_is_counted_exactly(admin_client: Client, products: list[Product]) -> None:
    response = admin_client.get(PRODUCTS, {"q": "HAT"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("SHOE-00", {f"SHOE-00{n}" for n in range(10)}),  # SKU prefix
        ("HAT-001", {"HAT-001"}),  # exact SKU
        ("winter", {"HAT-001"}),  # full-text search of the description
        ("woollen hats", {"HAT-001"}),  # stemmed words of the name
        ("nothing-like-this", set()),
    ],
)
def test_search_uses_sku_prefix_and_full_text(
    admin_client: Client, products: list[Product], term: str, expected: set[str]
) -> None:
    response = admin_client.get(PRODUCTS, {"q": term})
    assert response.status_code == 200
    assert {product.sku for product in response.context["cl"].result_list} == expected


def test_a_search_with_a_nul_is_not_an_error(admin_client: Client, products: list[Product]) -> None:
    assert admin_client.get(PRODUCTS, {"q": "x\x00y"}).status_code == 200


def test_the_currency_filter_lists_the_currencies_in_use(admin_client: Client, products: list[Product]) -> None:
    response = admin_client.get(PRODUCTS)
    choices = [
        choice["display"]
        for spec in response.context["cl"].filter_specs
        for choice in spec.choices(response.context["cl"])
    ]
    assert "EUR" in choices
    assert "USD" in choices
    assert "GBP" not in choices


def test_activate_and_deactivate(admin_client: Client, products: list[Product]) -> None:
    chosen = [str(products[0].pk), str(products[1].pk)]
    response = admin_client.post(PRODUCTS, {"action": "deactivate", ACTION_CHECKBOX_NAME: chosen}, follow=True)
    assert response.status_code == 200
    assert "2 product(s) deactivated" in response.content.decode()
    assert set(Product.objects.filter(is_active=False).values_list("sku", flat=True)) == {"SHOE-000", "SHOE-001"}
    admin_client.post(PRODUCTS, {"action": "activate", ACTION_CHECKBOX_NAME: chosen})
    assert not Product.objects.filter(is_active=False).exists()


def test_adjust_stock_asks_then_adjusts_with_movements(admin_client: Client, products: list[Product]) -> None:
    chosen = [str(products[0].pk), str(products[1].pk)]
    form = admin_client.post(PRODUCTS, {"action": "adjust_stock", ACTION_CHECKBOX_NAME: chosen})
    assert form.status_code == 200
    assert "Adjust the stock of 2 products" in form.content.decode()

    done = admin_client.post(
        PRODUCTS,
        {
            "action": "adjust_stock",
            ACTION_CHECKBOX_NAME: chosen,
            "apply": "1",
            "mode": "add",
            "quantity": "7",
            "reason": MovementReason.RESTOCK.value,
            "note": "delivery",
        },
        follow=True,
    )
    assert "Stock adjusted for 2 product(s)" in done.content.decode()
    assert list(StockLevel.objects.filter(product__in=products[:2]).values_list("on_hand", flat=True)) == [7, 7]
    movement = StockMovement.objects.filter(product=products[0]).get()
    assert (movement.delta_on_hand, movement.reason, movement.note, movement.actor) == (
        7,
        MovementReason.RESTOCK,
        "delivery",
        "admin:admin",
    )


def test_adjust_stock_refuses_what_would_go_below_zero(admin_client: Client, products: list[Product]) -> None:
    response = admin_client.post(
        PRODUCTS,
        {
            "action": "adjust_stock",
            ACTION_CHECKBOX_NAME: [str(products[0].pk)],
            "apply": "1",
            "mode": "add",
            "quantity": "-3",
            "reason": MovementReason.CORRECTION.value,
        },
        follow=True,
    )
    assert "1 refused" in response.content.decode()
    assert StockLevel.objects.get(product=products[0]).on_hand == 0


def test_the_product_forms_render(admin_client: Client, products: list[Product]) -> None:
    assert admin_client.get(f"{PRODUCTS}{products[0].pk}/change/").status_code == 200
    assert admin_client.get(f"{PRODUCTS}add/").status_code == 200


def test_a_product_added_in_the_admin_gets_its_stock_row(admin_client: Client, products: list[Product]) -> None:
    category = products[0].category
    response = admin_client.post(
        f"{PRODUCTS}add/",
        {
            "sku": "NEW-1",
            "name": "New",
            "slug": "new",
            "category": category.pk,
            "description": "",
            "price": "1.00",
            "currency": "EUR",
            "attributes": "{}",
            "is_active": "on",
            "stock-TOTAL_FORMS": "0",
            "stock-INITIAL_FORMS": "0",
            "stock-MIN_NUM_FORMS": "0",
            "stock-MAX_NUM_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert StockLevel.objects.filter(product__sku="NEW-1").exists()


def test_the_category_tree_admin(admin_client: Client, make_category: Callable[..., Category]) -> None:
    root = make_category("Clothes", slug="clothes")
    make_category("Shirts", slug="shirts", parent=root)
    response = admin_client.get("/admin/catalog/category/")
    assert response.status_code == 200
    assert "Clothes" in response.content.decode()
    added = admin_client.post(
        "/admin/catalog/category/add/",
        {"name": "Socks", "slug": "socks", "treebeard_position": "first-child", "treebeard_ref_node": root.pk},
    )
    assert added.status_code == 302, added.content.decode()[:2000]
    assert Category.objects.get_parent(Category.objects.get(slug="socks")) == root
    # The products' category picker searches categories.
    autocomplete = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "catalog", "model_name": "product", "field_name": "category", "term": "sock"},
    )
    assert [result["text"] for result in autocomplete.json()["results"]] == ["Socks"]


def test_import_jobs_show_their_rejected_rows(
    admin_client: Client, tmp_path: Path, make_category: Callable[..., Category]
) -> None:
    make_category("Chairs", slug="chairs")
    path = tmp_path / "products.csv"
    path.write_text("sku,name,price,currency,category\nOK-1,Chair,1,EUR,chairs\nBAD-1,Chair,x,EUR,chairs\n")
    result = product_import_run_file(path=path, file_format=None, actor="system:test")

    listing = admin_client.get("/admin/catalog/productimport/")
    assert listing.status_code == 200
    detail = admin_client.get(f"/admin/catalog/productimport/{result.import_id}/change/")
    assert detail.status_code == 200
    page = detail.content.decode()
    assert "BAD-1" in page
    assert "Must be a decimal number." in page
    assert ProductImport.objects.count() == 1


def test_stock_movements_and_reservations_are_read_only_lists(admin_client: Client, products: list[Product]) -> None:
    assert admin_client.get("/admin/catalog/stockmovement/").status_code == 200
    assert admin_client.get("/admin/catalog/stockmovement/", {"q": "admin"}).status_code == 200
    assert admin_client.get("/admin/catalog/reservation/").status_code == 200
    assert admin_client.get("/admin/catalog/stockmovement/add/").status_code == 403
