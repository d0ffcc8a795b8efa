"""The catalog admin on big tables: no COUNT(*) over products, indexed search, bulk actions."""

from __future__ import annotations

import csv
import html
import io
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import common.admin
from catalog_service.catalog.admin import ProductAdmin
from catalog_service.catalog.models import Category, MovementReason, Product, ProductImport, StockLevel, StockMovement
from catalog_service.catalog.services.imports import product_import_run, product_import_run_file
from devtools.testing.responses import streamed
from tests.catalog.helpers import index_search

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
    index_search()
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
            "idempotency_key": str(uuid.uuid4()),
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
            "idempotency_key": str(uuid.uuid4()),
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


# --- imports from the admin ---------------------------------------------------------------------

IMPORTS = "/admin/catalog/productimport/"
IMPORT_FILE = (
    b"sku,name,description,price,currency,category,attributes,is_active,stock\n"
    b"OAK-1,Oak chair,Solid oak,120.00,EUR,chairs,,true,5\n"
    b"PINE-1,Pine chair,,12.345,EUR,chairs,,,\n"
    b"=HYPERLINK(1),Bad chair,,1.00,EUR,chairs,,,\n"
)


def start_import(
    client: Client, data: bytes = IMPORT_FILE, name: str = "chairs.csv", content_type: str = "text/csv"
) -> Any:
    return client.post(f"{IMPORTS}add/", {"file": SimpleUploadedFile(name, data, content_type=content_type)})


def test_an_import_is_uploaded_from_the_admin_and_followed(
    admin_client: Client, make_category: Callable[..., Category]
) -> None:
    make_category("Chairs", slug="chairs")
    page = admin_client.get(f"{IMPORTS}add/")
    assert page.status_code == 200
    assert 'value="Upload and start the import"' in page.content.decode()

    started = start_import(admin_client)
    job = ProductImport.objects.get()
    assert started.status_code == 302
    assert started["Location"] == f"{IMPORTS}{job.pk}/change/"
    assert (job.status, job.file_name, job.created_by) == ("queued", "chairs.csv", "admin:admin")

    change = admin_client.get(started["Location"]).content.decode()
    assert "Import of chairs.csv started" in change
    assert f'data-url="{IMPORTS}{job.pk}/progress/"' in change
    assert 'data-finished="false"' in change
    assert '<script src="/static/catalog/admin/import_progress.js">' in change
    assert f'href="{IMPORTS}{job.pk}/rejected.csv" class="import-rejected"' in change
    # What the live box shows is not also printed as it was when the page was opened, and the
    # rejected rows are listed once the job has finished.
    assert "Rows processed:" not in change
    assert "Rejected count:" not in change
    assert "rejected rows (the first 1,000" not in change.lower()

    progress = admin_client.get(f"{IMPORTS}{job.pk}/progress/")
    assert "no-store" in progress["Cache-Control"]
    assert progress.json() == {
        "status": "queued",
        "finished": False,
        "percent": 0,
        "total_rows": 3,
        "rows_processed": 0,
        "created": 0,
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
        "error": "",
    }
    product_import_run(import_id=job.pk)  # what the worker runs
    done = admin_client.get(f"{IMPORTS}{job.pk}/progress/").json()
    assert (done["status"], done["finished"], done["percent"]) == ("succeeded", True, 100)
    assert (done["rows_processed"], done["created"], done["rejected"]) == (3, 1, 2)
    finished = admin_client.get(started["Location"]).content.decode()
    assert "rejected rows (the first 1,000" in finished.lower()
    assert "PINE-1" in finished


def test_the_rejected_rows_download_as_neutralised_csv(
    admin_client: Client, make_category: Callable[..., Category]
) -> None:
    make_category("Chairs", slug="chairs")
    start_import(admin_client)
    job = ProductImport.objects.get()
    product_import_run(import_id=job.pk)
    response = admin_client.get(f"{IMPORTS}{job.pk}/rejected.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="import-{job.pk}-rejected.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(streamed(response).decode())))
    assert rows[0] == ["line", "sku", "field", "code", "message"]
    assert [row[:3] for row in rows[1:]] == [["3", "PINE-1", "price"], ["4", "'=HYPERLINK(1)", "sku"]]


def test_a_file_that_cannot_be_imported_is_refused_on_the_form(admin_client: Client) -> None:
    response = start_import(admin_client, b"", "empty.csv")
    assert response.status_code == 200
    assert "The submitted file is empty." in response.content.decode()
    response = start_import(admin_client, b"PK\x03\x04", "products.xlsx", "application/octet-stream")
    assert "Cannot tell the file&#x27;s format" in response.content.decode()
    assert not ProductImport.objects.exists()


def test_catalog_managers_may_start_imports_and_viewers_may_not(client: Client) -> None:
    for group, status in (("catalog-managers", 200), ("catalog-viewers", 403)):
        user = User.objects.create_user(f"{group}-user", is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        assert client.get(f"{IMPORTS}add/").status_code == status
        assert client.get(IMPORTS).status_code == 200


def test_progress_of_an_unknown_import_is_404(admin_client: Client) -> None:
    assert admin_client.get(f"{IMPORTS}{uuid.uuid4()}/progress/").status_code == 404
    assert admin_client.get(f"{IMPORTS}{uuid.uuid4()}/rejected.csv").status_code == 404


def test_the_upload_takes_a_file_as_large_as_the_api_does(
    admin_client: Client, make_category: Callable[..., Category], settings: Any
) -> None:
    make_category("Chairs", slug="chairs")
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100  # other requests' limit, below this file's size
    assert start_import(admin_client).status_code == 302
    settings.PRODUCT_IMPORT_MAX_BYTES = 100
    assert start_import(admin_client).status_code == 413


# --- one product's stock, idempotent like the API ----------------------------------------------


def test_a_product_page_adjusts_its_stock_once_per_form(admin_client: Client, products: list[Product]) -> None:
    product = products[0]
    change = admin_client.get(f"{PRODUCTS}{product.pk}/change/").content.decode()
    url = f"{PRODUCTS}{product.pk}/adjust-stock/"
    assert f'href="{url}" class="product-adjust-stock">Adjust stock</a>' in change
    form = admin_client.get(url)
    assert form.status_code == 200
    key = str(form.context["form"]["idempotency_key"].value())
    assert f'name="idempotency_key" value="{key}"' in form.content.decode()

    values = {
        "mode": "add",
        "quantity": "4",
        "reason": MovementReason.RESTOCK.value,
        "note": "",
        "idempotency_key": key,
    }
    done = admin_client.post(url, values, follow=True)
    assert done.redirect_chain[-1][0] == f"{PRODUCTS}{product.pk}/change/"
    assert "Stock adjusted for 1 product(s)." in done.content.decode()
    # The same form again (a double click, a reload): nothing more, and said so.
    again = admin_client.post(url, values, follow=True)
    assert f"Already adjusted by this form, not again: {product.sku}" in again.content.decode()
    # The same key with other values: refused, like the API's 422.
    other = admin_client.post(url, {**values, "quantity": "5"}, follow=True)
    assert "this form was already sent with other values" in other.content.decode()
    assert StockLevel.objects.get(product=product).on_hand == 4
    assert StockMovement.objects.filter(product=product).count() == 1
    # A new form is a new adjustment.
    admin_client.post(url, {**values, "idempotency_key": str(uuid.uuid4())})
    assert StockLevel.objects.get(product=product).on_hand == 8


def test_adjusting_an_unknown_product_is_404(admin_client: Client) -> None:
    assert admin_client.get(f"{PRODUCTS}999999/adjust-stock/").status_code == 404


def change_form_data(client: Client, product: Product) -> dict[str, str]:
    """What the product's page sends back when saved untouched: every input, the version too."""
    page = client.get(f"{PRODUCTS}{product.pk}/change/").content.decode()
    inputs = re.findall(r'<input type="(?:hidden|text|number)" name="([^"]+)" value="([^"]*)"', page)
    data = {name: html.unescape(value) for name, value in inputs}
    data.update(
        {
            "category": str(product.category_id),
            "description": product.description,
            "currency": product.currency,
            "attributes": "{}",
            "is_active": "on",
        }
    )
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_a_save_over_someone_elses_change_is_refused(admin_client: Client, products: list[Product]) -> None:
    product = products[0]
    first, second = change_form_data(admin_client, product), change_form_data(admin_client, product)
    assert first["version"] == second["version"] != ""

    saved = admin_client.post(f"{PRODUCTS}{product.pk}/change/", {**first, "price": "11.00"})
    assert saved.status_code == 302, saved.content.decode()[:2000]

    # The second page still carries the version both were opened at: refused, nothing written.
    refused = admin_client.post(f"{PRODUCTS}{product.pk}/change/", {**second, "price": "12.00"})
    assert refused.status_code == 200
    assert "Someone changed this product since you opened this page" in refused.content.decode()
    product.refresh_from_db()
    assert str(product.price) == "11.00"

    # Opened again, it saves.
    again = admin_client.post(
        f"{PRODUCTS}{product.pk}/change/", {**change_form_data(admin_client, product), "price": "12.00"}
    )
    assert again.status_code == 302
    product.refresh_from_db()
    assert str(product.price) == "12.00"


@pytest.mark.parametrize(
    ("params", "queries"),
    [
        # Session, user, how fresh search is (products waiting for the indexer), the table's
        # estimate, the page (products with category and stock in one query), the currencies of
        # the filter (a loose index scan).
        ({}, 6),
        # Searched by SKU prefix: whether some SKU begins with it, the bounded count instead of
        # the estimate, the page, the currencies; few matches, so the page is read with plain
        # index scans off (a savepoint, switching them off and on, its release): 4 more.
        ({"q": "SHOE-01"}, 11),
        # Past the first page, from the end: the same queries.
        ({"p": "-1"}, 6),
    ],
)
@pytest.mark.usefixtures("products", "small_exact_limit")
def test_product_changelist_queries(
    admin_client: Client,
    monkeypatch: pytest.MonkeyPatch,
    django_assert_num_queries: Any,
    params: dict[str, str],
    queries: int,
) -> None:
    monkeypatch.setattr(ProductAdmin, "list_per_page", 5)
    analyze()
    with django_assert_num_queries(queries):
        assert admin_client.get(PRODUCTS, params).status_code == 200


def test_stock_level_changelist_queries(
    admin_client: Client, products: list[Product], small_exact_limit: None, django_assert_num_queries: Any
) -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE catalog_stocklevel")
    # Session, user, the estimate, the page (each level with its product).
    with django_assert_num_queries(4):
        response = admin_client.get("/admin/catalog/stocklevel/", {"p": "-1"})
    assert "SHOE-000" in response.content.decode()
    assert [
        level.product.sku
        for level in admin_client.get("/admin/catalog/stocklevel/", {"q": "HAT"}).context["cl"].result_list
    ] == ["HAT-001"]
