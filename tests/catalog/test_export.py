"""Bulk product export: streamed CSV and NDJSON, the list's filters, constant queries."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any
from uuid import UUID

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from catalog_service.catalog.models import Category, Product
from catalog_service.catalog.services.imports import product_import_run
from devtools.testing.responses import streamed, streamed_chunks
from tests.catalog.helpers import errors, index_search

pytestmark = pytest.mark.django_db

URL = "/api/v1/products/export/"
COLUMNS = ["sku", "name", "description", "price", "currency", "category", "attributes", "is_active", "stock"]


def body(response: Any) -> bytes:
    assert response.status_code == 200, getattr(response, "content", b"")
    return streamed(response)


def csv_rows(response: Any) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body(response).decode())))


@pytest.fixture
def catalog(make_category: Callable[..., Category], make_product: Callable[..., Product]) -> dict[str, Category]:
    shoes = make_category("Shoes", slug="shoes")
    hats = make_category("Hats", slug="hats")
    make_product("SHOE-1", name="Red shoe", price="59.90", category=shoes, stock=4, attributes={"color": "red"})
    make_product("SHOE-2", name='Shoe, "quoted"\nand multi-line', price="10.00", currency="USD", category=shoes)
    make_product("HAT-1", name="Hat", price="5.00", category=hats, is_active=False, description="Wool \\ felt")
    index_search()
    return {"shoes": shoes, "hats": hats}


def test_csv_export(staff_client: APIClient, catalog: dict[str, Category]) -> None:
    response = staff_client.get(URL)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="products.csv"'
    rows = csv_rows(response)
    assert list(rows[0]) == COLUMNS
    # Inactive products are exported too; primary key order by default.
    assert [row["sku"] for row in rows] == ["SHOE-1", "SHOE-2", "HAT-1"]
    assert rows[0] == {
        "sku": "SHOE-1",
        "name": "Red shoe",
        "description": "",
        "price": "59.90",
        "currency": "EUR",
        "category": "shoes",
        "attributes": '{"color": "red"}',
        "is_active": "true",
        "stock": "4",
    }
    assert rows[1]["name"] == 'Shoe, "quoted"\nand multi-line'
    assert (rows[2]["is_active"], rows[2]["description"]) == ("false", "Wool \\ felt")


def test_ndjson_export(staff_client: APIClient, catalog: dict[str, Category]) -> None:
    response = staff_client.get(URL, {"file_format": "ndjson"})
    assert response["Content-Type"] == "application/x-ndjson"
    lines = body(response).decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert [list(record) for record in records] == [COLUMNS] * 3
    assert records[0] == {
        "sku": "SHOE-1",
        "name": "Red shoe",
        "description": "",
        "price": "59.90",
        "currency": "EUR",
        "category": "shoes",
        "attributes": {"color": "red"},
        "is_active": True,
        "stock": 4,
    }
    assert records[1]["name"] == 'Shoe, "quoted"\nand multi-line'
    assert records[2]["description"] == "Wool \\ felt"


@pytest.mark.parametrize(
    ("params", "skus"),
    [
        ({"category": "shoes"}, ["SHOE-1", "SHOE-2"]),
        ({"currency": "USD"}, ["SHOE-2"]),
        ({"is_active": "false"}, ["HAT-1"]),
        ({"is_active": "true", "price_min": "20"}, ["SHOE-1"]),
        ({"in_stock": "true"}, ["SHOE-1"]),
        ({"attr.color": "red"}, ["SHOE-1"]),
        ({"q": "shoe", "ordering": "name"}, ["SHOE-1", "SHOE-2"]),
        ({"ordering": "-price"}, ["SHOE-1", "SHOE-2", "HAT-1"]),
    ],
)
def test_the_list_filters_apply(
    staff_client: APIClient, catalog: dict[str, Category], params: dict[str, str], skus: list[str]
) -> None:
    if "category" in params:
        params = {**params, "category": str(catalog[params["category"]].pk)}
    assert [row["sku"] for row in csv_rows(staff_client.get(URL, params))] == skus
    ndjson = body(staff_client.get(URL, {**params, "file_format": "ndjson"})).decode().splitlines()
    assert [json.loads(line)["sku"] for line in ndjson] == skus


@pytest.mark.parametrize("file_format", ["csv", "ndjson"])
def test_an_unknown_category_exports_nothing(
    staff_client: APIClient, catalog: dict[str, Category], file_format: str
) -> None:
    response = staff_client.get(URL, {"category": "32359765", "q": "shoe", "file_format": file_format})
    assert response.status_code == 200
    assert body(response).decode().splitlines() == (
        ["sku,name,description,price,currency,category,attributes,is_active,stock"] if file_format == "csv" else []
    )


def test_an_export_imports_back_unchanged(staff_client: APIClient, catalog: dict[str, Category]) -> None:
    for file_format in ("csv", "ndjson"):
        exported = body(staff_client.get(URL, {"file_format": file_format}))
        upload = SimpleUploadedFile(f"products.{file_format}", exported)
        job_id = staff_client.post("/api/v1/product-imports/", {"file": upload}, format="multipart").json()["id"]
        result = product_import_run(import_id=UUID(job_id))
        assert (result.created, result.updated, result.unchanged, result.rejected) == (0, 0, 3, 0), file_format


def test_the_query_count_does_not_grow_with_the_rows(
    staff_client: APIClient,
    catalog: dict[str, Category],
    make_product: Callable[..., Product],
    django_assert_num_queries: Any,
) -> None:
    for file_format in ("csv", "ndjson"):
        with django_assert_num_queries(1):
            body(staff_client.get(URL, {"file_format": file_format}))
    for number in range(30):
        make_product(f"MORE-{number}", category=catalog["hats"])
    for file_format in ("csv", "ndjson"):
        with django_assert_num_queries(1):
            assert len(body(staff_client.get(URL, {"file_format": file_format})).splitlines()) >= 33
    # A category filter reads the category's path first: one more, whatever the rows.
    with django_assert_num_queries(2):
        body(staff_client.get(URL, {"category": catalog["hats"].pk}))


def test_the_header_comes_before_the_query_runs(staff_client: APIClient, catalog: dict[str, Category]) -> None:
    response = staff_client.get(URL)
    chunks = streamed_chunks(response)
    assert next(chunks) == (",".join(COLUMNS) + "\n").encode()


def test_an_empty_export_is_just_the_header(staff_client: APIClient) -> None:
    assert body(staff_client.get(URL)) == (",".join(COLUMNS) + "\n").encode()
    assert body(staff_client.get(URL, {"file_format": "ndjson"})) == b""


@pytest.mark.parametrize(
    ("params", "attr"),
    [
        ({"file_format": "xml"}, "file_format"),
        ({"price_min": "abc"}, "price_min"),
        ({"category": "0"}, "category"),
        ({"q": "x\x00y"}, "q"),
        ({"ordering": "relevance"}, "ordering"),
    ],
)
def test_bad_parameters_are_400(staff_client: APIClient, params: dict[str, str], attr: str) -> None:
    response = staff_client.get(URL, params)
    assert response.status_code == 400, response.content
    assert [error["attr"] for error in errors(response)] == [attr]


def test_export_is_for_staff_only(anonymous_client: APIClient, customer_client: APIClient) -> None:
    assert anonymous_client.get(URL).status_code == 401
    assert customer_client.get(URL).status_code == 403


def test_an_empty_file_format_is_refused(staff_client: APIClient) -> None:
    response = staff_client.get(URL, {"file_format": ""})
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["attr"] == "file_format"


# --- spreadsheet formulas (OWASP "CSV Injection", common/csv_cells.py) -------------------------

# Names a spreadsheet would run, one per trigger, and values that already start with a quote.
FORMULA_NAMES = {
    "F-EQ": '=HYPERLINK("http://evil.example","open")',
    "F-PLUS": "+1+1",
    "F-MINUS": "-2+3",
    "F-AT": "@SUM(A1:A9)",
    "F-QUOTED": "'=1+1",
    "F-QUOTES": "''",
    "F-APOS": "'s-Hertogenbosch",
    "F-PLAIN": "Plain name",
}


def _import(staff_client: APIClient, name: str, content: bytes) -> Any:
    upload = SimpleUploadedFile(name, content)
    job_id = staff_client.post("/api/v1/product-imports/", {"file": upload}, format="multipart").json()["id"]
    return product_import_run(import_id=UUID(job_id))


def _products() -> list[tuple[Any, ...]]:
    return list(
        Product.objects.order_by("sku").values_list(
            "sku", "name", "description", "price", "currency", "category__slug", "attributes", "is_active"
        )
    )


@pytest.fixture
def formula_products(staff_client: APIClient, make_category: Callable[..., Category]) -> None:
    """Products whose text an importer typed: each formula as a name and as a description, and a
    category whose slug starts with "-". The file is written as docs/catalog-bulk.md says: a
    value that really starts with a quote before a trigger or a quote gets one more quote."""
    make_category("Sale", slug="-sale")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["sku", "name", "description", "price", "currency", "category"])
    for sku, name in FORMULA_NAMES.items():
        cell = "'" + name if name.startswith(("'=", "''")) else name
        writer.writerow([sku, cell, cell, "1.00", "EUR", "-sale"])
    result = _import(staff_client, "formulas.csv", out.getvalue().encode())
    assert (result.created, result.rejected) == (len(FORMULA_NAMES), 0)


def test_csv_export_neutralises_cells_a_spreadsheet_would_run(staff_client: APIClient, formula_products: None) -> None:
    rows = {row["sku"]: row for row in csv_rows(staff_client.get(URL))}
    expected = {
        "F-EQ": '\'=HYPERLINK("http://evil.example","open")',
        "F-PLUS": "'+1+1",
        "F-MINUS": "'-2+3",
        "F-AT": "'@SUM(A1:A9)",
        "F-QUOTED": "''=1+1",  # a real leading quote before a trigger is doubled, so it reads back
        "F-QUOTES": "'''",
        "F-APOS": "'s-Hertogenbosch",  # a quote before anything else stays as it is
        "F-PLAIN": "Plain name",
    }
    assert {sku: row["name"] for sku, row in rows.items()} == expected
    assert {sku: row["description"] for sku, row in rows.items()} == expected
    assert {row["category"] for row in rows.values()} == {"'-sale"}
    # Numbers are ours, not user text: never quoted.
    assert {row["price"] for row in rows.values()} == {"1.00"}


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_export_neutralises_every_trigger_whoever_wrote_the_value(
    staff_client: APIClient, make_product: Callable[..., Product], trigger: str
) -> None:
    # The import and the API strip leading whitespace; the database does not stop a tab or CR.
    product = make_product("T-1")
    Product.objects.filter(pk=product.pk).update(name=f"{trigger}1+1", description=f"{trigger}cmd")
    (row,) = csv_rows(staff_client.get(URL))
    assert (row["name"], row["description"]) == (f"'{trigger}1+1", f"'{trigger}cmd")


def test_ndjson_export_is_not_neutralised(staff_client: APIClient, formula_products: None) -> None:
    lines = body(staff_client.get(URL, {"file_format": "ndjson"})).decode().splitlines()
    assert {json.loads(line)["name"] for line in lines} == set(FORMULA_NAMES.values())


def test_a_neutralised_export_imports_back_to_identical_products(
    staff_client: APIClient, formula_products: None
) -> None:
    before = _products()
    assert {row[1] for row in before} == set(FORMULA_NAMES.values())
    exported = body(staff_client.get(URL))
    result = _import(staff_client, "products.csv", exported)
    assert (result.created, result.updated, result.unchanged, result.rejected) == (0, 0, len(FORMULA_NAMES), 0)
    assert _products() == before


# --- Parquet ------------------------------------------------------------------------------------


def parquet_table(response: Any) -> Any:
    import pyarrow.parquet as pq

    return pq.read_table(io.BytesIO(body(response)))


def test_parquet_export_reads_back_as_the_database_holds_the_products(
    staff_client: APIClient, catalog: dict[str, Category]
) -> None:
    response = staff_client.get(URL, {"file_format": "parquet"})
    assert response["Content-Type"] == "application/vnd.apache.parquet"
    assert response["Content-Disposition"] == 'attachment; filename="products.parquet"'
    table = parquet_table(response)
    assert table.schema.names == COLUMNS
    assert [str(table.schema.field(name).type) for name in ("price", "is_active", "stock")] == [
        "decimal128(12, 2)",
        "bool",
        "int32",
    ]
    expected = [
        {
            "sku": product.sku,
            "name": product.name,
            "description": product.description,
            "price": product.price,
            "currency": product.currency,
            "category": product.category.slug,
            "attributes": product.attributes,
            "is_active": product.is_active,
            "stock": product.stock.on_hand if hasattr(product, "stock") else None,
        }
        for product in Product.objects.select_related("category", "stock").order_by("id")
    ]
    rows = table.to_pylist()
    for row in rows:
        row["attributes"] = json.loads(row["attributes"])
    assert rows == expected
    assert rows[1]["name"] == 'Shoe, "quoted"\nand multi-line'
    assert (rows[2]["is_active"], rows[2]["description"]) == (False, "Wool \\ felt")


def test_parquet_export_applies_the_filters_and_the_ordering(
    staff_client: APIClient, catalog: dict[str, Category]
) -> None:
    table = parquet_table(staff_client.get(URL, {"file_format": "parquet", "category": catalog["shoes"].pk}))
    assert table.column("sku").to_pylist() == ["SHOE-1", "SHOE-2"]
    table = parquet_table(staff_client.get(URL, {"file_format": "parquet", "ordering": "price"}))
    assert table.column("sku").to_pylist() == ["HAT-1", "SHOE-2", "SHOE-1"]
    table = parquet_table(staff_client.get(URL, {"file_format": "parquet", "is_active": "false"}))
    assert table.column("sku").to_pylist() == ["HAT-1"]


def test_parquet_export_of_nothing_is_an_empty_file(staff_client: APIClient) -> None:
    table = parquet_table(staff_client.get(URL, {"file_format": "parquet"}))
    assert (table.num_rows, table.schema.names) == (0, COLUMNS)


def test_parquet_export_streams_a_row_group_at_a_time(
    staff_client: APIClient,
    catalog: dict[str, Category],
    make_product: Callable[..., Product],
    monkeypatch: pytest.MonkeyPatch,
    django_assert_num_queries: Any,
) -> None:
    import pyarrow.parquet as pq

    from catalog_service.catalog.bulk import export

    for number in range(7):
        make_product(f"MORE-{number}", category=catalog["hats"], stock=number)
    monkeypatch.setattr(export, "PARQUET_ROW_GROUP_ROWS", 4)
    with django_assert_num_queries(1):
        pieces = list(streamed_chunks(staff_client.get(URL, {"file_format": "parquet"})))
    # The magic number before the query runs, then each row group as it is written, then the footer.
    assert pieces[0] == b"PAR1"
    assert len([piece for piece in pieces if piece]) >= 4
    parquet = pq.ParquetFile(io.BytesIO(b"".join(pieces)))
    assert [parquet.metadata.row_group(i).num_rows for i in range(parquet.num_row_groups)] == [4, 4, 2]
    assert parquet.read().column("stock").to_pylist()[3:] == list(range(7))
