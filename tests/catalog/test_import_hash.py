"""A re-import compares each row's content hash with the one the database keeps
(``Product.content_hash``) and COPYs only the rows whose hash or stock differs (bulk/digests.py,
bulk/loader.py). What is checked here: the hash computed for a row is the database's, an
unchanged row is neither COPYed nor written, and every kind of change still counts and is
written, whether or not its hash could be computed as the database's."""

from __future__ import annotations

import importlib
import io
import json
from collections.abc import Callable
from decimal import Decimal
from types import SimpleNamespace
from typing import Any, Final
from uuid import UUID

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from catalog_service.catalog.bulk.columnar import read_csv_batches
from catalog_service.catalog.bulk.digests import jsonb_text, row_hash, table_hashes
from catalog_service.catalog.bulk.loader import HashProbe
from catalog_service.catalog.bulk.rows import COLUMNS, REQUIRED, ValidRow, make_validator, product_slug
from catalog_service.catalog.models import Category, Product, StockLevel, StockMovement, content_hash_sql
from catalog_service.catalog.services.imports import product_import_run
from tests.catalog.test_imports import HEADER, URL, chairs, upload  # noqa: F401  (chairs: a fixture)

pytestmark = pytest.mark.django_db

content_hash_migration = importlib.import_module("catalog_service.catalog.migrations.0015_product_content_hash")


def import_now(client: APIClient, data: bytes, name: str = "products.csv") -> tuple[dict[str, Any], list[str]]:
    """The job as the API shows it, and the SQL the import ran."""
    response = upload(client, data, name)
    assert response.status_code == 202, response.content
    with CaptureQueriesContext(connection) as queries:
        product_import_run(import_id=UUID(response.json()["id"]))
    body: dict[str, Any] = client.get(response["Location"]).json()
    return body, [query["sql"] for query in queries.captured_queries]


def counts(job: dict[str, Any]) -> tuple[int, int, int, int]:
    return job["created"], job["updated"], job["unchanged"], job["rejected"]


def versions() -> dict[str, tuple[int, int]]:
    """Each product's row version and its stock row's (xmin: the transaction that wrote it)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT p.sku, p.xmin::text::bigint, st.xmin::text::bigint
               FROM catalog_product AS p JOIN catalog_stocklevel AS st ON st.product_id = p.id"""
        )
        return {sku: (product, stock) for sku, product, stock in cursor.fetchall()}


def values_copied(queries: list[str]) -> bool:
    return any(sql.startswith("COPY product_import_stage_") for sql in queries)


def database_hash(sku: str) -> str:
    content_hash = Product.objects.get(sku=sku).content_hash
    assert content_hash is not None, "every product has one"
    return content_hash.hex


ODD_ATTRIBUTES: list[dict[str, Any]] = [
    {},
    {"color": "brown", "a": 1, "bb": True, "ccc": None, "dd": 1.5},
    {"ä": "ü", "z": "日本", "nested": {"zz": [1, "x", {"b": 2, "a": 3}], "a": False}},
    {"quote": 'say "hi"', "slash": "a\\b", "line": "one\ntwo", "tab": "\t", "bell": "\x07"},
    {"aaa": 1, "bb": 2, "c": 3, "B": 4, "é": 5},
]


@pytest.mark.parametrize("attributes", ODD_ATTRIBUTES)
@pytest.mark.parametrize(
    ("name", "description", "price"), [("Oak chair", "", "12.5"), ("Chaise à bras", "Ça, va", "0")]
)
def test_a_row_hashed_row_by_row_has_the_databases_hash(
    make_product: Callable[..., Product],
    *,
    chairs: Category,  # noqa: F811
    attributes: dict[str, Any],
    name: str,
    description: str,
    price: str,
) -> None:
    product = make_product(
        "H-1", name=name, description=description, price=price, attributes=attributes, category=chairs
    )
    row = ValidRow(
        line=2,
        sku="H-1",
        name=name,
        slug=product_slug(name, "H-1"),
        description=description,
        category_id=chairs.pk,
        price=Decimal(price),
        currency="EUR",
        # As the validator writes it (compact, keys as given).
        attributes=json.dumps(attributes, ensure_ascii=False, separators=(",", ":")),
        is_active=True,
        on_hand=None,
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT attributes::text FROM catalog_product WHERE sku = 'H-1'")
        (printed,) = cursor.fetchone()
    assert jsonb_text(row.attributes) == printed
    assert row_hash(row) == database_hash(product.sku)
    assert row_hash(row._replace(is_active=False)) != database_hash(product.sku)


def test_a_row_read_by_column_has_the_databases_hash_when_its_attributes_are_as_jsonb_prints_them(
    make_product: Callable[..., Product],
    chairs: Category,  # noqa: F811
) -> None:
    make_product(
        "C-1", name="Oak chair", description="Solid", price="12.50", attributes={"b": 1, "aa": "x"}, category=chairs
    )
    make_product("C-2", name="Pine chair", price="7", attributes={}, is_active=False, category=chairs)
    data = (
        HEADER + 'C-1,Oak chair,Solid,12.5,EUR,chairs,"{""b"": 1, ""aa"": ""x""}",yes,\n'
        "C-2,Pine chair,,007.0,EUR,chairs,,false,\n"
        # The same attributes, keys in another order: a hash that misses (the full path compares).
        'C-1,Oak chair,Solid,12.5,EUR,chairs,"{""aa"": ""x"", ""b"": 1}",yes,\n'
    ).encode()
    categories = {"chairs": chairs.pk}
    (batch,) = read_csv_batches(
        io.BytesIO(data),
        columns=COLUMNS,
        required=REQUIRED,
        categories=categories,
        validate=make_validator(categories),
        batch_lines=100,
    )
    assert batch.table is not None
    assert batch.table.num_rows == 3, "validated by column"
    assert table_hashes(batch.table).to_pylist() == [
        database_hash("C-1"),
        database_hash("C-2"),
        table_hashes(batch.table)[2].as_py(),
    ]
    assert table_hashes(batch.table)[2].as_py() != database_hash("C-1")


FIRST = (
    HEADER + 'U-1,Oak chair,Solid oak,12.50,EUR,chairs,"{""color"": ""brown"", ""legs"": 4}",true,5\n'
    "U-2,Pine chair,,7.00,EUR,chairs,,false,\n"
    "U-3,Ash chair,,9.99,USD,chairs,,,2\n"
)


def test_a_reimport_of_unchanged_rows_copies_no_values_and_writes_nothing(
    staff_client: APIClient,
    chairs: Category,  # noqa: F811
) -> None:
    import_now(staff_client, FIRST.encode())
    before = versions()
    movements = StockMovement.objects.count()

    job, queries = import_now(staff_client, FIRST.encode())

    assert counts(job) == (0, 0, 3, 0)
    assert not values_copied(queries), "left out by their hashes"
    assert versions() == before
    assert StockMovement.objects.count() == movements


def test_an_ndjson_reimport_of_unchanged_rows_is_left_out_by_hashes_computed_row_by_row(
    staff_client: APIClient,
    chairs: Category,  # noqa: F811
) -> None:
    data = (
        b'{"sku": "N-1", "name": "Oak chair", "price": 12.5, "currency": "EUR", "category": "chairs",'
        b' "attributes": {"legs": 4, "color": "brown", "size": {"w": 1, "h": 2}}, "stock": 3}\n'
        b'{"sku": "N-2", "name": "Stool", "price": "5", "currency": "EUR", "category": "chairs"}\n'
    )
    import_now(staff_client, data, "products.ndjson")
    before = versions()

    job, queries = import_now(staff_client, data, "products.ndjson")

    assert counts(job) == (0, 0, 2, 0)
    assert not values_copied(queries)
    assert versions() == before


ROW: Final = FIRST.splitlines()[1]
# What the second file changes in U-1's row (this text, by that one), and then: rows updated,
# U-1's product row written, its stock row written.
CHANGES: Final = {
    "name": (("Oak chair", "Oak armchair"), 1, True, False),
    "description": (("Solid oak", "Solid"), 1, True, False),
    "price": (("12.50", "12.51"), 1, True, False),
    "currency": (("EUR", "USD"), 1, True, False),
    "is_active": (("true", "false"), 1, True, False),
    "an attribute": (('""brown""', '""black""'), 1, True, False),
    "an attribute's type": (("4}", '""4""}'), 1, True, False),
    "stock": (("true,5", "true,6"), 1, False, True),
    "attributes' key order only": (
        ('{""color"": ""brown"", ""legs"": 4}', '{""legs"": 4, ""color"": ""brown""}'),
        0,
        False,
        False,
    ),
    "attributes' spacing only": (
        ('""color"": ""brown"", ""legs"": 4', '""color"":""brown"",""legs"":4'),
        0,
        False,
        False,
    ),
    "price scale only": (("12.50", "12.5"), 0, False, False),
    "stock left empty": (("true,5", "true,"), 0, False, False),
    "spaces around values (read row by row)": (
        ("Oak chair,Solid oak,12.50", " Oak chair ,Solid oak, 12.50 "),
        0,
        False,
        False,
    ),
}


@pytest.mark.parametrize("change", CHANGES)
def test_each_change_counts_and_is_written(
    staff_client: APIClient,
    chairs: Category,  # noqa: F811
    change: str,
) -> None:
    (old, new), updated, product_written, stock_written = CHANGES[change]
    import_now(staff_client, FIRST.encode())
    before = versions()
    second = FIRST.replace(ROW, ROW.replace(old, new, 1))
    assert second != FIRST

    job, _ = import_now(staff_client, second.encode())

    assert counts(job) == (0, updated, 3 - updated, 0)
    after = versions()
    assert (after["U-1"][0] != before["U-1"][0], after["U-1"][1] != before["U-1"][1]) == (
        product_written,
        stock_written,
    )
    assert {sku: after[sku] for sku in ("U-2", "U-3")} == {sku: before[sku] for sku in ("U-2", "U-3")}
    # And what was written is what the row says: importing it again changes nothing.
    again, _ = import_now(staff_client, second.encode())
    assert counts(again) == (0, 0, 3, 0)
    assert versions() == after


def test_a_product_changed_through_the_api_is_written_back_by_reimporting_its_old_values(
    staff_client: APIClient,
    chairs: Category,  # noqa: F811
) -> None:
    import_now(staff_client, FIRST.encode())
    patched = staff_client.patch(
        "/api/v1/products/U-1/", {"price": "99.00", "attributes": {"color": "red"}}, format="json"
    )
    assert patched.status_code == 200, patched.content

    job, _ = import_now(staff_client, FIRST.encode())

    assert counts(job) == (0, 1, 2, 0)
    oak = Product.objects.get(sku="U-1")
    assert (str(oak.price), oak.attributes) == ("12.50", {"color": "brown", "legs": 4})
    assert StockLevel.objects.get(product=oak).on_hand == 5
    assert counts(import_now(staff_client, FIRST.encode())[0]) == (0, 0, 3, 0)


def test_a_product_changed_by_sql_gets_its_hash_from_the_database(
    staff_client: APIClient,
    chairs: Category,  # noqa: F811
) -> None:
    import_now(staff_client, FIRST.encode())
    with connection.cursor() as cursor:
        cursor.execute("UPDATE catalog_product SET description = 'By hand' WHERE sku = 'U-2'")

    job, _ = import_now(staff_client, FIRST.encode())

    assert counts(job) == (0, 1, 2, 0)
    assert Product.objects.get(sku="U-2").description == ""


def test_new_products_stop_the_hash_comparison_until_a_probe_finds_known_ones() -> None:
    probe = HashProbe()
    assert probe.compare()
    probe.found(0)  # a batch of new products
    assert [probe.compare() for _ in range(HashProbe.EVERY)] == [False] * (HashProbe.EVERY - 2) + [True, False]
    probe.found(5)  # that probe found known rows: every batch compares again
    assert probe.compare()


def test_the_database_keeps_the_hash_whoever_writes(
    make_product: Callable[..., Product],
    chairs: Category,  # noqa: F811
) -> None:
    product = make_product("K-1", name="Oak chair", price="12.50", category=chairs)
    first = database_hash("K-1")
    with connection.cursor() as cursor:
        # Set by hand, the hash is computed again: nothing can store a wrong one.
        cursor.execute("UPDATE catalog_product SET content_hash = gen_random_uuid() WHERE sku = 'K-1'")
        assert database_hash("K-1") == first
        # The search indexer's write names none of the hashed columns.
        cursor.execute("UPDATE catalog_product SET search_indexed_at = updated_at WHERE sku = 'K-1'")
        assert database_hash("K-1") == first
    Product.objects.filter(pk=product.pk).update(price=Decimal("13.00"))
    changed = database_hash("K-1")
    assert changed != first
    product.refresh_from_db()
    product.price = Decimal("12.50")
    product.save()
    assert database_hash("K-1") == first


def test_the_migration_fills_every_existing_products_hash_in_batches(
    make_product: Callable[..., Product], monkeypatch: pytest.MonkeyPatch
) -> None:
    """catalog/0015's fill, over products as they were before the trigger existed (their hash
    emptied with triggers off for the session, in this test's transaction), a few per batch."""
    for number in range(7):
        make_product(f"OLD-{number}", name=f"Old {number}")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")  # no trigger fires
        cursor.execute("UPDATE catalog_product SET content_hash = NULL")
        cursor.execute("SET LOCAL session_replication_role = origin")
    assert Product.objects.filter(content_hash__isnull=True).count() == 7
    monkeypatch.setattr(content_hash_migration, "FILL_BATCH", 2)

    with CaptureQueriesContext(connection) as queries:
        content_hash_migration.fill_content_hashes(None, SimpleNamespace(connection=connection))

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM catalog_product WHERE content_hash IS DISTINCT FROM {content_hash_sql()}")
        assert cursor.fetchone() == (0,)
    assert Product.objects.filter(content_hash__isnull=True).count() == 0
    updates = [query for query in queries if query["sql"].startswith("UPDATE")]
    assert len(updates) >= 4  # 7 products, ids in ranges of 2
