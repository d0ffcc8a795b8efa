"""Bulk product import: the upload, the job, per-row errors, idempotency, the worker, the command."""

from __future__ import annotations

import codecs
import io
import json
import queue
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from uuid import UUID

import pyarrow as pa
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from rest_framework.test import APIClient

from catalog_service.catalog.bulk import loader
from catalog_service.catalog.bulk.columnar import read_csv_batches
from catalog_service.catalog.models import (
    SKU_MAX_LENGTH,
    Category,
    ImportStatus,
    MovementReason,
    Product,
    ProductImport,
    StockLevel,
    StockMovement,
)
from catalog_service.catalog.services import imports
from catalog_service.catalog.services.imports import (
    MAX_STORED_ERRORS,
    product_import_run,
    product_import_run_file,
)
from tests.catalog.helpers import errors, run_queued_imports

pytestmark = pytest.mark.django_db

URL = "/api/v1/product-imports/"
HEADER = "sku,name,description,price,currency,category,attributes,is_active,stock\n"


@pytest.fixture
def chairs(make_category: Callable[..., Category]) -> Category:
    furniture = make_category("Furniture", slug="furniture")
    return make_category("Chairs", slug="chairs", parent=furniture)


def upload(client: APIClient, data: bytes, name: str = "products.csv", **extra: Any) -> Any:
    return client.post(URL, {"file": SimpleUploadedFile(name, data), **extra}, format="multipart")


def import_now(client: APIClient, data: bytes, name: str = "products.csv") -> dict[str, Any]:
    """Upload, run the queued job as the worker would, and return the job as the API shows it."""
    response = upload(client, data, name)
    assert response.status_code == 202, response.content
    product_import_run(import_id=UUID(response.json()["id"]))
    detail = client.get(response["Location"])
    assert detail.status_code == 200
    body: dict[str, Any] = detail.json()
    return body


GOOD_AND_BAD = (
    HEADER.encode()
    + b'OAK-1,Oak chair,Solid oak,120.00,EUR,chairs,"{""color"": ""brown""}",true,5\n'
    + b",Chair without SKU,,10.00,EUR,chairs,,,\n"
    + b"PINE-1,Pine chair,,12.345,EUR,chairs,,,\n"
    + b"ASH-1,Ash chair,,10.00,EUR,no-such-category,,,\n"
    + b"ELM-1,Elm \xff\xfe chair,,10.00,EUR,chairs,,,\n"
    + b"NUL-1,Nul\x00chair,,10.00,EUR,chairs,,,\n"
    + b"BIRCH-1,Birch chair,,99.5,USD,furniture/chairs,,false,\n"
)


def test_good_rows_are_imported_and_each_bad_row_is_reported(staff_client: APIClient, chairs: Category) -> None:
    job = import_now(staff_client, GOOD_AND_BAD)

    assert job["status"] == "succeeded"
    assert (job["rows_processed"], job["total_rows"]) == (7, 7)
    assert (job["created"], job["updated"], job["unchanged"], job["rejected"]) == (2, 0, 0, 5)
    assert [(e["line"], e["field"], e["code"]) for e in job["rejected_rows"]] == [
        (3, "sku", "required"),
        (4, "price", "max_decimal_places"),
        (5, "category", "unknown_category"),
        (6, "name", "invalid_encoding"),
        (7, "name", "null_characters_not_allowed"),
    ]
    assert job["rejected_rows"][1]["sku"] == "PINE-1"
    assert all(e["message"] for e in job["rejected_rows"])

    oak = Product.objects.get(sku="OAK-1")
    assert (oak.name, oak.slug, oak.description, str(oak.price), oak.currency) == (
        "Oak chair",
        "oak-chair",
        "Solid oak",
        "120.00",
        "EUR",
    )
    assert (oak.category_id, oak.attributes, oak.is_active) == (chairs.pk, {"color": "brown"}, True)
    birch = Product.objects.get(sku="BIRCH-1")
    assert (str(birch.price), birch.currency, birch.is_active) == ("99.50", "USD", False)
    # Every new product has its stock row; a stock value is recorded as a movement.
    assert StockLevel.objects.get(product=oak).on_hand == 5
    assert StockLevel.objects.get(product=birch).on_hand == 0
    movement = StockMovement.objects.get(product=oak)
    assert (movement.delta_on_hand, movement.reason, movement.reference) == (
        5,
        MovementReason.IMPORT,
        f"import:{job['id']}",
    )
    assert movement.actor.startswith("user:")


def test_importing_the_same_file_twice_changes_nothing(staff_client: APIClient, chairs: Category) -> None:
    first = import_now(staff_client, GOOD_AND_BAD)
    before = list(Product.objects.order_by("sku").values_list("sku", "updated_at"))
    movements = StockMovement.objects.count()

    second = import_now(staff_client, GOOD_AND_BAD)

    assert (first["created"], first["updated"]) == (2, 0)
    assert (second["created"], second["updated"], second["unchanged"], second["rejected"]) == (0, 0, 2, 5)
    assert list(Product.objects.order_by("sku").values_list("sku", "updated_at")) == before
    assert StockMovement.objects.count() == movements


def test_changes_are_updates_and_stock_changes_are_movements(staff_client: APIClient, chairs: Category) -> None:
    import_now(staff_client, (HEADER + "A-1,Chair,,10.00,EUR,chairs,,,3\nA-2,Stool,,5.00,EUR,chairs,,,\n").encode())

    job = import_now(
        staff_client, (HEADER + "A-1,Chair,,10.00,EUR,chairs,,,8\nA-2,Stool,,6.00,EUR,chairs,,,\n").encode()
    )

    assert (job["created"], job["updated"], job["unchanged"]) == (0, 2, 0)
    assert str(Product.objects.get(sku="A-2").price) == "6.00"
    assert StockLevel.objects.get(product__sku="A-1").on_hand == 8
    assert list(
        StockMovement.objects.filter(product__sku="A-1").order_by("id").values_list("delta_on_hand", flat=True)
    ) == [3, 5]
    # No stock value: the stock is left as it is.
    assert StockLevel.objects.get(product__sku="A-2").on_hand == 0


def test_optional_columns_take_their_defaults(staff_client: APIClient, chairs: Category) -> None:
    job = import_now(staff_client, b"sku,name,price,currency,category\nMIN-1,Minimal,1,EUR,chairs\n")
    assert job["created"] == 1
    product = Product.objects.get(sku="MIN-1")
    assert (product.description, product.attributes, product.is_active, str(product.price)) == ("", {}, True, "1.00")


def test_ndjson(staff_client: APIClient, chairs: Category) -> None:
    lines = [
        {"sku": "ND-1", "name": "Chair", "price": 19.99, "currency": "EUR", "category": "chairs", "stock": 2},
        {
            "sku": "ND-2",
            "name": "Stool",
            "price": "5",
            "currency": "EUR",
            "category": "furniture/chairs",
            "attributes": {"legs": 3, "tags": ["a", "b"]},
            "is_active": False,
        },
        {"sku": "ND-3", "name": "Bad", "price": -1, "currency": "eur", "category": "chairs", "bogus": 1},
        {"sku": "ND-4", "name": "Bad", "price": "1", "currency": "EUR", "category": "chairs", "stock": "many"},
    ]
    data = "\n".join(json.dumps(line) for line in lines).encode() + b"\n\n[1, 2]\n{not json\n"

    job = import_now(staff_client, data, name="products.ndjson")

    assert job["file_format"] == "ndjson"
    assert (job["created"], job["rejected"], job["rows_processed"]) == (2, 4, 6)
    assert [(e["line"], e["field"], e["code"]) for e in job["rejected_rows"]] == [
        (3, "bogus", "unknown_field"),
        (4, "stock", "invalid"),
        (6, None, "malformed_record"),
        (7, None, "malformed_record"),
    ]
    assert str(Product.objects.get(sku="ND-1").price) == "19.99"
    assert Product.objects.get(sku="ND-2").attributes == {"legs": 3, "tags": ["a", "b"]}
    assert import_now(staff_client, data, name="products.ndjson")["unchanged"] == 2


@pytest.mark.parametrize("name", ["products.csv", "products.ndjson"])
def test_a_file_starting_with_a_byte_order_mark_imports(staff_client: APIClient, chairs: Category, name: str) -> None:
    # Excel's "CSV UTF-8" and some exporters start the file with the UTF-8 byte order mark.
    if name.endswith(".csv"):
        data = HEADER.encode() + b"BOM-1,Oak chair,,120.00,EUR,chairs,,true,5\n"
    else:
        data = b'{"sku": "BOM-1", "name": "Oak chair", "price": "120.00", "currency": "EUR", "category": "chairs"}\n'

    job = import_now(staff_client, codecs.BOM_UTF8 + data, name=name)

    assert (job["status"], job["created"], job["rejected"]) == ("succeeded", 1, 0), job
    assert Product.objects.get(sku="BOM-1").name == "Oak chair"


def test_every_field_is_validated(staff_client: APIClient, chairs: Category) -> None:
    row = 'BAD SKU,,,-1,EURO,chairs,"[1]",maybe,-5\n'
    job = import_now(staff_client, (HEADER + row).encode())
    assert job["rejected"] == 1
    assert {(e["field"], e["code"]) for e in job["rejected_rows"]} == {
        ("sku", "invalid"),
        ("name", "required"),
        ("price", "min_value"),
        ("currency", "max_length"),
        ("attributes", "invalid"),
        ("is_active", "invalid"),
        ("stock", "min_value"),
    }
    assert {e["line"] for e in job["rejected_rows"]} == {2}


def test_a_duplicate_sku_is_rejected_naming_the_first_line(staff_client: APIClient, chairs: Category) -> None:
    data = (HEADER + "D-1,First,,1,EUR,chairs,,,\nD-2,Other,,1,EUR,chairs,,,\nD-1,Second,,2,EUR,chairs,,,\n").encode()
    job = import_now(staff_client, data)
    assert (job["created"], job["rejected"]) == (2, 1)
    assert job["rejected_rows"][0]["line"] == 4
    assert job["rejected_rows"][0]["code"] == "duplicate_sku"
    assert "line 2" in job["rejected_rows"][0]["message"]
    assert Product.objects.get(sku="D-1").name == "First"


def test_a_sku_given_again_in_a_later_batch_is_rejected_naming_the_first_line(
    staff_client: APIClient, chairs: Category, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batches of two lines: duplicates within a batch, across batches, and from a row the
    column checks do not pass (a SKU with spaces around it, validated row by row)."""
    monkeypatch.setattr(imports, "BATCH_ROWS", 2)
    rows = ["D-1,First", "D-2,Two", "D-3,Three", " D-1 ,Again", "D-4,Four", "D-4,Four again", "D-2,Two again"]
    data = (HEADER + "".join(f"{row},,1,EUR,chairs,,,\n" for row in rows)).encode()
    job = import_now(staff_client, data)
    assert (job["created"], job["rejected"]) == (4, 3)
    assert [(e["line"], e["sku"], e["code"], e["message"]) for e in job["rejected_rows"]] == [
        (5, "D-1", "duplicate_sku", "The SKU already appears on line 2."),
        (7, "D-4", "duplicate_sku", "The SKU already appears on line 6."),
        (8, "D-2", "duplicate_sku", "The SKU already appears on line 3."),
    ]
    assert Product.objects.get(sku="D-1").name == "First"
    assert Product.objects.get(sku="D-2").name == "Two"


def test_the_skus_seen_find_every_later_occurrence_across_merged_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The SKUs seen are sorted runs, merged as they grow and kept in chunks (two SKUs here): a
    SKU is found in whichever run and chunk holds it, one that sorts between or beyond the
    SKUs seen is not, and the first occurrence's line is named."""
    monkeypatch.setattr(loader.SeenSkus, "CHUNK", 2)
    seen = loader.SeenSkus()

    def add(*pairs: tuple[int, str]) -> dict[int, tuple[str, int]]:
        return seen.add(pa.array([line for line, _ in pairs], pa.int64()), pa.array([sku for _, sku in pairs]))

    assert add((2, "M-1"), (3, "C-1"), (4, "W-1")) == {}
    assert add((5, "A-1"), (6, "K-1"), (7, "Z-1")) == {}  # below, between and beyond: merged in
    assert add((8, "B-1"), (9, "N-1")) == {}
    assert add((10, "Y-1"), (11, "L-1"), (12, "D-1")) == {}
    assert add((13, "X-1"), (14, "X-2")) == {}  # after every SKU: appended as they are
    assert len(seen) == 13
    # Runs of 3, 3, 2, 3 and 2 SKUs, merged while the one before is under twice the newer's size.
    assert [len(skus) for skus, _ in seen._runs] == [11, 2]
    assert seen._runs[0][0].num_chunks > 1
    assert seen._runs[0][0].to_pylist() == sorted(seen._runs[0][0].to_pylist())
    assert add((16, "K-1"), (15, "Q-1"), (17, "Q-1"), (18, "Z-1"), (19, "A-1"), (20, "X-2"), (21, "K-1")) == {
        16: ("K-1", 6),
        17: ("Q-1", 15),  # the lower line is the first
        18: ("Z-1", 7),
        19: ("A-1", 5),
        20: ("X-2", 14),
        21: ("K-1", 6),  # named after the earlier batch's line, not this batch's first
    }
    assert add((22, "Q-1"), (23, "P-1")) == {22: ("Q-1", 15)}  # Q-1 was kept, its repeats were not
    assert add((24, "P-2")) == {}
    assert len(seen) == 16


def test_stock_below_what_is_reserved_is_rejected(
    staff_client: APIClient, chairs: Category, make_product: Callable[..., Product]
) -> None:
    make_product("R-1", name="Chair", category=chairs, stock=10)
    StockLevel.objects.filter(product__sku="R-1").update(reserved=4)
    job = import_now(staff_client, (HEADER + "R-1,Chair,,10.00,EUR,chairs,,,3\n").encode())
    assert job["rejected"] == 1
    assert job["rejected_rows"][0]["code"] == "below_reserved"
    assert StockLevel.objects.get(product__sku="R-1").on_hand == 10


def test_multiline_csv_records_report_their_first_line(staff_client: APIClient, chairs: Category) -> None:
    data = (HEADER + 'M-1,"Two\nlines",,1,EUR,chairs,,,\nM-2,Bad,,x,EUR,chairs,,,\n').encode()
    job = import_now(staff_client, data)
    assert job["created"] == 1
    assert job["rejected_rows"][0]["line"] == 4
    assert Product.objects.get(sku="M-1").name == "Two\nlines"


def test_rejected_rows_beyond_the_limit_are_counted_not_kept(staff_client: APIClient, chairs: Category) -> None:
    rows = "".join(f"X-{n},Bad,,x,EUR,chairs,,,\n" for n in range(MAX_STORED_ERRORS + 5))
    job = import_now(staff_client, (HEADER + rows).encode())
    assert job["rejected"] == MAX_STORED_ERRORS + 5
    assert len(job["rejected_rows"]) == 100
    assert ProductImport.objects.get(pk=job["id"]).errors.count() == MAX_STORED_ERRORS


def test_the_upload_answers_202_with_the_queued_job(staff_client: APIClient, chairs: Category) -> None:
    response = upload(staff_client, GOOD_AND_BAD)
    assert response.status_code == 202
    body = response.json()
    assert body["status"] == "queued"
    assert body["file_name"] == "products.csv"
    assert body["file_size"] == len(GOOD_AND_BAD)
    assert body["total_rows"] == 7  # estimated from the line count until it has run
    assert body["links"]["self"].endswith(f"/api/v1/product-imports/{body['id']}/")
    assert response["Location"] == body["links"]["self"]
    # The file waits in PostgreSQL for whichever worker picks the job up.
    assert ProductImport.objects.get(pk=body["id"]).chunks.count() == 1

    listing = staff_client.get(URL)
    assert listing.status_code == 200
    assert [job["id"] for job in listing.json()["results"]] == [body["id"]]


def test_a_large_file_is_stored_in_chunks_and_read_back_whole(staff_client: APIClient, chairs: Category) -> None:
    rows = "".join(f"BIG-{n:06d},Chair number {n},{'x' * 200},1.00,EUR,chairs,,,\n" for n in range(6000))
    data = (HEADER + rows).encode()
    assert len(data) > 1 << 20
    response = upload(staff_client, data)
    job_id = response.json()["id"]
    assert ProductImport.objects.get(pk=job_id).chunks.count() == 2
    product_import_run(import_id=UUID(job_id))
    job = staff_client.get(f"{URL}{job_id}/").json()
    assert (job["status"], job["created"], job["rejected"]) == ("succeeded", 6000, 0)
    # The stored file is removed once imported.
    assert ProductImport.objects.get(pk=job_id).chunks.count() == 0


@pytest.mark.parametrize(
    ("data", "name", "extra", "expected"),
    [
        (b"", "p.csv", {}, ("file", "empty")),
        (b"   \n", "p.csv", {}, ("file", "empty")),
        (b"sku,name\nA,B\n", "p.csv", {}, ("file", "invalid")),
        (b"sku,name,price,currency,category,colour\n", "p.csv", {}, ("file", "invalid")),
        (b"PK\x03\x04\x00\x00binary", "p.csv", {}, ("file", "invalid")),
        # A bare carriage return inside an unquoted field: the csv module raises its own error.
        (b"YR\r\x8d@K#", "p.csv", {}, ("file", "invalid")),
        (b"sku,name\n", "p.txt", {}, ("file_format", "unknown_format")),
        (b"sku,name,price,currency,category\n", "p.csv", {"file_format": "xml"}, ("file_format", "invalid_choice")),
        (b"not json\n", "p.ndjson", {}, ("file", "invalid")),
        (b"[1]\n", "p.jsonl", {}, ("file", "invalid")),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_at_once(
    staff_client: APIClient, data: bytes, name: str, extra: dict[str, str], expected: tuple[str, str]
) -> None:
    response = upload(staff_client, data, name, **extra)
    assert response.status_code == 400, response.content
    assert [(e["attr"], e["code"]) for e in errors(response)] == [expected]
    assert not ProductImport.objects.exists()


def test_the_format_can_be_named_whatever_the_file_name(staff_client: APIClient, chairs: Category) -> None:
    response = upload(staff_client, b'{"sku": "F-1"}\n', "export.txt", file_format="ndjson")
    assert response.status_code == 202
    assert response.json()["file_format"] == "ndjson"


def test_upload_needs_a_file_in_a_multipart_body(staff_client: APIClient) -> None:
    response = staff_client.post(URL, {}, format="multipart")
    assert response.status_code == 400
    assert [(e["attr"], e["code"]) for e in errors(response)] == [("file", "required")]
    assert staff_client.post(URL, {"file": "x"}, format="json").status_code == 415


def test_a_file_over_the_limit_is_refused(staff_client: APIClient, settings: Any) -> None:
    settings.PRODUCT_IMPORT_MAX_BYTES = 1000
    response = upload(staff_client, (HEADER + "A,B,,1,EUR,c,,,\n" * 100).encode())
    assert response.status_code == 413
    assert [(e["attr"], e["code"]) for e in errors(response)] == [(None, "content_too_large")]
    assert not ProductImport.objects.exists()


def test_an_upload_may_be_larger_than_other_bodies(staff_client: APIClient, settings: Any, chairs: Category) -> None:
    """The import's own limit, not DATA_UPLOAD_MAX_MEMORY_SIZE, bounds an upload."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = upload(staff_client, (HEADER + "A,B,,1,EUR,chairs,,,\n" * 100).encode())
    assert response.status_code == 202, response.content


def test_imports_are_for_staff_only(
    anonymous_client: APIClient, customer_client: APIClient, orders_client: APIClient
) -> None:
    assert upload(anonymous_client, GOOD_AND_BAD).status_code == 401
    assert upload(customer_client, GOOD_AND_BAD).status_code == 403
    assert upload(orders_client, GOOD_AND_BAD).status_code == 403
    assert customer_client.get(URL).status_code == 403
    assert customer_client.get(f"{URL}00000000-0000-0000-0000-000000000000/").status_code == 403


def test_an_unknown_job_is_404(staff_client: APIClient) -> None:
    response = staff_client.get(f"{URL}00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
    assert errors(response)[0]["code"] == "not_found"
    assert staff_client.get(f"{URL}not-a-uuid/").status_code == 404


def test_a_job_run_twice_is_not_run_again(staff_client: APIClient, chairs: Category) -> None:
    job_id = UUID(upload(staff_client, GOOD_AND_BAD).json()["id"])
    first = product_import_run(import_id=job_id)
    again = product_import_run(import_id=job_id)
    assert again == first


def test_an_interrupted_job_starts_over(staff_client: APIClient, chairs: Category) -> None:
    job_id = UUID(upload(staff_client, GOOD_AND_BAD).json()["id"])
    # As a worker that died half-way leaves it: running, with partial counts.
    ProductImport.objects.filter(pk=job_id).update(status=ImportStatus.RUNNING, rows_processed=3, created_count=1)
    result = product_import_run(import_id=job_id)
    assert (result.status, result.rows_processed, result.created, result.rejected) == ("succeeded", 7, 2, 5)


def test_an_unexpected_error_fails_the_job(
    staff_client: APIClient, chairs: Category, monkeypatch: pytest.MonkeyPatch
) -> None:
    job_id = UUID(upload(staff_client, GOOD_AND_BAD).json()["id"])

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("catalog_service.catalog.bulk.loader.load_batch", broken)
    with pytest.raises(RuntimeError):
        product_import_run(import_id=job_id)
    job = staff_client.get(f"{URL}{job_id}/").json()
    assert job["status"] == "failed"
    assert "RuntimeError" in job["error"]
    assert job["finished_at"] is not None


def _reading_threads() -> list[str]:
    return [thread.name for thread in threading.enumerate() if thread.name == "import-read-ahead"]


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_batches_are_read_ahead_in_a_thread(
    staff_client: APIClient, chairs: Category, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The upload's chunks are read and validated by a thread on its own connection while the
    batch before is written; the outcome is the same as reading them in turn."""
    monkeypatch.setattr(imports, "BATCH_ROWS", 2)
    job_id = UUID(upload(staff_client, GOOD_AND_BAD).json()["id"])
    readers: set[str] = set()

    def read_and_tell(*args: Any, **kwargs: Any) -> Any:
        for batch in read_csv_batches(*args, **kwargs):
            readers.add(threading.current_thread().name)
            yield batch

    monkeypatch.setattr("catalog_service.catalog.services.imports.read_csv_batches", read_and_tell)
    result = product_import_run(import_id=job_id)
    assert (result.status, result.rows_processed, result.created, result.rejected) == ("succeeded", 7, 2, 5)
    assert readers == {"import-read-ahead"}
    assert _reading_threads() == []


@pytest.mark.django_db(transaction=True)
def test_a_failed_batch_stops_the_thread_reading_ahead(
    staff_client: APIClient, chairs: Category, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports, "BATCH_ROWS", 2)
    job_id = UUID(upload(staff_client, GOOD_AND_BAD).json()["id"])
    load = loader.load_batch
    calls = 0

    def fail_second(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("disk on fire")
        return load(*args, **kwargs)

    monkeypatch.setattr("catalog_service.catalog.bulk.loader.load_batch", fail_second)
    with pytest.raises(RuntimeError):
        product_import_run(import_id=job_id)
    assert ProductImport.objects.get(pk=job_id).status == ImportStatus.FAILED
    assert _reading_threads() == []


@pytest.mark.django_db(transaction=True)
def test_a_file_rejected_while_reading_ahead_fails_the_job(staff_client: APIClient, chairs: Category) -> None:
    job_id = UUID(upload(staff_client, HEADER.encode() + b"OAK-1,Oak chair,,1,EUR,chairs,,,\n").json()["id"])
    # The stored upload's header, changed after the upload was accepted: rejected by the reader.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE catalog_productimportchunk SET data = %s WHERE product_import_id = %s",
            [b"nothing,we,know\n", job_id],
        )
    result = product_import_run(import_id=job_id)
    assert result.status == "failed"
    assert result.error
    assert _reading_threads() == []


# --- the command ----------------------------------------------------------------------------


def test_import_products_command(tmp_path: Path, chairs: Category) -> None:
    path = tmp_path / "products.csv"
    path.write_bytes(GOOD_AND_BAD)
    out = io.StringIO()
    call_command("import_products", str(path), "--no-progress", stdout=out)
    assert "2 created" in out.getvalue()
    assert "5 rejected" in out.getvalue()
    job = ProductImport.objects.get()
    assert (job.status, job.created_by, job.file_name) == (
        ImportStatus.SUCCEEDED,
        "system:import_products",
        "products.csv",
    )
    assert job.errors.count() == 5

    call_command("import_products", str(path), "--no-progress", stdout=(out := io.StringIO()))
    assert "0 created, 0 updated, 2 unchanged" in out.getvalue()


def test_an_import_reports_where_its_time_went(tmp_path: Path, chairs: Category) -> None:
    path = tmp_path / "products.csv"
    path.write_bytes(GOOD_AND_BAD)
    result = product_import_run_file(path=path, file_format=None, actor="system:test")
    job = ProductImport.objects.get()
    assert job.started_at is not None
    assert job.finished_at is not None
    stages = (result.timings.read_validate, result.timings.write, result.timings.commit)
    assert all(seconds > 0 for seconds in stages), stages
    # Measured inside the job's own start and finish.
    assert sum(stages) <= (job.finished_at - job.started_at).total_seconds()
    out = io.StringIO()
    call_command("import_products", str(path), "--no-progress", stdout=out)
    assert re.search(r"seconds: read and validate [0-9.]+, write [0-9.]+, commit [0-9.]+", out.getvalue())


def test_import_products_command_refuses_an_unusable_file(tmp_path: Path) -> None:
    path = tmp_path / "products.csv"
    path.write_bytes(b"")
    with pytest.raises(CommandError, match="empty"):
        call_command("import_products", str(path), "--no-progress")
    with pytest.raises(CommandError, match="not a file"):
        call_command("import_products", str(tmp_path / "missing.csv"), "--no-progress")


# --- the worker -----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_a_queued_import(staff_client: APIClient, chairs: Category) -> None:
    job_id = upload(staff_client, GOOD_AND_BAD).json()["id"]

    run_queued_imports()

    job = staff_client.get(f"{URL}{job_id}/").json()
    assert (job["status"], job["created"], job["rejected"]) == ("succeeded", 2, 5)


@pytest.mark.django_db(transaction=True)
def test_readers_keep_working_during_an_import(
    tmp_path: Path, chairs: Category, anonymous_client: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Searches in another session are neither blocked by a batch in progress nor shown its
    rows, and see each batch (and the job's progress) as soon as it commits."""
    monkeypatch.setattr(imports, "BATCH_ROWS", 10)
    path = tmp_path / "products.csv"
    path.write_text(HEADER + "".join(f"R-{n},Red chair {n},,10.00,EUR,chairs,,,\n" for n in range(30)))

    def read_elsewhere() -> tuple[int, int]:
        """(products a search finds, the job's rows processed), read in another session."""
        outcome: queue.Queue[tuple[int, int] | BaseException] = queue.Queue()

        def read() -> None:
            try:
                # A list, not a search: search is indexed behind the write (test_search_index.py).
                params = {"category": str(chairs.pk), "page_size": "100"}
                response = anonymous_client.get("/api/v1/products/", params)
                assert response.status_code == 200, response.content
                processed = ProductImport.objects.values_list("rows_processed", flat=True).get()
                outcome.put((len(response.json()["results"]), processed))
            except BaseException as exc:  # handed to the test's thread, which raises it
                outcome.put(exc)
            finally:
                connection.close()

        threading.Thread(target=read, daemon=True).start()
        result = outcome.get(timeout=30)  # a reader blocked by the import fails here
        if isinstance(result, BaseException):
            raise result
        return result

    during: list[tuple[int, int]] = []
    after: list[tuple[int, int]] = []
    upsert = loader._upsert

    def upsert_then_read(*args: Any, **kwargs: Any) -> tuple[int, int, int, int]:
        written = upsert(*args, **kwargs)
        during.append(read_elsewhere())  # the batch's transaction is still open
        return written

    monkeypatch.setattr(loader, "_upsert", upsert_then_read)
    result = product_import_run_file(
        path=path, file_format=None, actor="system:test", progress=lambda done, total: after.append(read_elsewhere())
    )
    assert result.created == 30
    assert during == [(0, 0), (10, 10), (20, 20)]
    assert after == [(10, 10), (20, 20), (30, 30)]


def test_the_tasks_are_registered() -> None:
    from procrastinate.contrib.django import app

    assert "catalog.product_import_run" in app.tasks
    crons = {task.task.name: task.cron for task in app.periodic_registry.periodic_tasks.values()}
    assert crons["catalog.reservations_expire"] == "* * * * *"


def test_the_import_limits_are_the_apis() -> None:
    from rest_framework import serializers

    from catalog_service.catalog.api.serializers.common import AttributesField
    from catalog_service.catalog.api.serializers.products import ProductCreateSerializer
    from catalog_service.catalog.bulk import rows

    fields = ProductCreateSerializer().fields
    limits = {"name": rows.NAME_MAX_LENGTH, "description": rows.DESCRIPTION_MAX_LENGTH, "sku": SKU_MAX_LENGTH}
    for name, limit in limits.items():
        field = fields[name]
        assert isinstance(field, serializers.CharField), field  # noqa: TID251 (any char field, strict ones included)
        assert field.max_length == limit, name
    assert (AttributesField.max_keys, AttributesField.max_bytes, AttributesField.max_depth) == (
        rows.ATTRIBUTES_MAX_KEYS,
        rows.ATTRIBUTES_MAX_BYTES,
        rows.ATTRIBUTES_MAX_DEPTH,
    )


def test_the_periodic_task_expires_lapsed_reservations(
    orders_client: APIClient, make_product: Callable[..., Product]
) -> None:
    import datetime
    import uuid as uuid_module

    from django.utils import timezone

    from catalog_service.catalog.models import Reservation
    from catalog_service.catalog.tasks import reservations_expire_task

    make_product("EXP-1", stock=5)
    body = {"reference": "order-1", "lines": [{"sku": "EXP-1", "quantity": 2}]}
    held = orders_client.post(
        "/api/v1/reservations/", body, format="json", HTTP_IDEMPOTENCY_KEY=str(uuid_module.uuid4())
    )
    assert held.status_code == 201, held.content
    Reservation.objects.filter(pk=held.json()["id"]).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    reservations_expire_task(timestamp=int(timezone.now().timestamp()))

    assert Reservation.objects.get(pk=held.json()["id"]).status == "expired"
    assert StockLevel.objects.get(product__sku="EXP-1").reserved == 0


def test_oversized_fields_and_lines_are_rejected_rows_not_errors(staff_client: APIClient, chairs: Category) -> None:
    rows = (
        f"BIG-1,Chair,{'d' * 25_000},1,EUR,chairs,,,\n"  # over the description limit
        f"BIG-2,Chair,{'d' * 200_000},1,EUR,chairs,,,\n"  # over the CSV module's field limit
        f"BIG-3,Chair,{'d' * 1_100_000},1,EUR,chairs,,,\n"  # a line over 1 MiB
        "OK-1,Chair,,1,EUR,chairs,,,\n"
    )
    job = import_now(staff_client, (HEADER + rows).encode())
    assert (job["status"], job["created"], job["rejected"]) == ("succeeded", 1, 3)
    assert [(e["line"], e["field"], e["code"]) for e in job["rejected_rows"]] == [
        (2, "description", "max_length"),
        (3, None, "malformed_record"),
        (4, None, "line_too_long"),
    ]


def test_a_csv_cell_neutralised_for_spreadsheets_imports_without_its_quote(
    staff_client: APIClient, chairs: Category
) -> None:
    """docs/catalog-bulk.md: one leading quote goes when a trigger or a quote follows it."""
    names = {
        "Q-EQ": ("'=SUM(A1:A2)", "=SUM(A1:A2)"),
        "Q-MINUS": ("'-2+3", "-2+3"),
        "Q-QUOTE": ("''=1", "'=1"),
        "Q-TWO": ("''", "'"),
        "Q-APOS": ("'s-Hertogenbosch", "'s-Hertogenbosch"),
        "Q-ALONE": ("'", "'"),
    }
    lines = ["sku,name,price,currency,category"]
    lines += [f"{sku},{cell},1.00,EUR,chairs" for sku, (cell, _name) in names.items()]
    job = import_now(staff_client, "\n".join(lines).encode())
    assert (job["created"], job["rejected"]) == (len(names), 0), job["rejected_rows"]
    imported = dict(Product.objects.values_list("sku", "name"))
    assert imported == {sku: name for sku, (_cell, name) in names.items()}
    # NDJSON is never neutralised, so nothing is taken off.
    ndjson = json.dumps({"sku": "Q-JSON", "name": "'=1", "price": "1.00", "currency": "EUR", "category": "chairs"})
    import_now(staff_client, ndjson.encode(), name="products.ndjson")
    assert Product.objects.get(sku="Q-JSON").name == "'=1"
