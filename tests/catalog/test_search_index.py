"""Full-text search indexed behind the write (docs/catalog.md, "Search freshness"): the indexing
job, what a search shows before it has run, and how fresh search is said to be in the API, the
admin and /metrics."""

from __future__ import annotations

import datetime
import io
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from catalog_service.catalog import admin as catalog_admin
from catalog_service.catalog.metrics import SearchIndexCollector
from catalog_service.catalog.models import (
    SEARCH_WAITING,
    Category,
    ImportStatus,
    MovementReason,
    Product,
    ProductImport,
    search_document,
)
from catalog_service.catalog.selectors.search_index import search_freshness
from catalog_service.catalog.services.search_index import (
    SEARCH_INDEX_LOCK,
    SEARCH_INDEX_TASK,
    search_index_refresh,
)
from catalog_service.catalog.services.stock import AdjustmentMode, stock_adjust
from catalog_service.catalog.tasks import product_import_run_task
from tests.catalog.helpers import index_search

pytestmark = pytest.mark.django_db

SEARCH = "/api/v1/products/"


def _skus(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["sku"] for row in response.json()["results"]]


def _waiting() -> set[str]:
    return set(Product.objects.filter(SEARCH_WAITING).values_list("sku", flat=True))


@pytest.fixture
def hat(make_product: Callable[..., Product]) -> Product:
    product = make_product("HAT-1", name="Sun hat", description="Wide brim.")
    make_product("BOOT-1", name="Leather boots", description="For long walks.")
    index_search()
    return product


# --- what a search shows ---------------------------------------------------------------------


def test_a_renamed_product_is_not_found_by_its_old_name_and_found_by_its_new_one_once_indexed(
    staff_client: APIClient, anonymous_client: APIClient, hat: Product
) -> None:
    renamed = staff_client.patch("/api/v1/products/HAT-1/", {"name": "Straw boater"}, format="json")
    assert renamed.status_code == 200, renamed.content
    assert _waiting() == {"HAT-1"}
    # Its stored vector still says "sun", but its current text does not: never shown.
    assert _skus(anonymous_client.get(SEARCH, {"q": "sun"})) == []
    # Its new words are not indexed yet.
    assert _skus(anonymous_client.get(SEARCH, {"q": "boater"})) == []
    # Readable at once by everything else.
    assert _skus(anonymous_client.get(SEARCH, {"ordering": "name"})) == ["BOOT-1", "HAT-1"]
    assert anonymous_client.get("/api/v1/products/HAT-1/").json()["name"] == "Straw boater"

    assert index_search() == 1

    assert _skus(anonymous_client.get(SEARCH, {"q": "boater"})) == ["HAT-1"]
    assert _skus(anonymous_client.get(SEARCH, {"q": "sun"})) == []
    assert _waiting() == set()


def test_a_product_changed_but_not_its_text_stays_found_before_indexing(
    staff_client: APIClient, anonymous_client: APIClient, hat: Product
) -> None:
    assert staff_client.patch("/api/v1/products/HAT-1/", {"price": "12.00"}, format="json").status_code == 200
    assert _waiting() == {"HAT-1"}
    assert _skus(anonymous_client.get(SEARCH, {"q": "sun"})) == ["HAT-1"]


def test_a_description_edit_is_rechecked_too(
    staff_client: APIClient, anonymous_client: APIClient, hat: Product
) -> None:
    staff_client.patch("/api/v1/products/HAT-1/", {"description": "Narrow brim."}, format="json")
    assert _skus(anonymous_client.get(SEARCH, {"q": "wide"})) == []
    assert _skus(anonymous_client.get(SEARCH, {"q": "sun"})) == ["HAT-1"]  # its name still matches


def test_a_new_product_is_readable_at_once_and_found_once_indexed(
    anonymous_client: APIClient, make_product: Callable[..., Product]
) -> None:
    make_product("OAK-1", name="Oak chair")
    assert anonymous_client.get("/api/v1/products/OAK-1/").status_code == 200
    assert _skus(anonymous_client.get(SEARCH, {"q": "oak"})) == []
    index_search()
    assert _skus(anonymous_client.get(SEARCH, {"q": "oak"})) == ["OAK-1"]


def test_the_admin_search_never_shows_a_stale_match(
    admin_client: Client, staff_client: APIClient, hat: Product
) -> None:
    staff_client.patch("/api/v1/products/HAT-1/", {"name": "Straw boater"}, format="json")
    found = admin_client.get("/admin/catalog/product/", {"q": "sun"}).context["cl"].result_list
    assert [product.sku for product in found] == []
    index_search()
    found = admin_client.get("/admin/catalog/product/", {"q": "boater"}).context["cl"].result_list
    assert [product.sku for product in found] == ["HAT-1"]


# --- the job ---------------------------------------------------------------------------------


def test_the_job_stores_the_vector_of_the_current_text_and_leaves_the_etag(
    make_product: Callable[..., Product], anonymous_client: APIClient
) -> None:
    product = make_product("OAK-1", name="Oak chair", description="Solid oak, oiled.")
    etag = anonymous_client.get("/api/v1/products/OAK-1/")["ETag"]
    assert Product.objects.values_list("search_vector", "search_indexed_at").get(pk=product.pk) == (None, None)

    index_search()

    product.refresh_from_db()
    assert product.search_indexed_at == product.updated_at
    # Exactly what the expression computes from the row (the one a search rechecks against).
    stored, computed = Product.objects.annotate(computed=search_document()).values_list("search_vector", "computed")[0]
    assert stored == computed
    assert stored == "'-1':4A 'chair':2A 'oak':1A,3A,6B 'oil':7B 'solid':5B"
    assert anonymous_client.get("/api/v1/products/OAK-1/")["ETag"] == etag


def test_the_job_is_idempotent_and_works_in_batches(
    make_product: Callable[..., Product], django_assert_num_queries: Any
) -> None:
    for number in range(5):
        make_product(f"P-{number}")
    # Per batch: the locking read of the waiting ids, the UPDATE, and its savepoint's two
    # statements (the test runs in a transaction); nothing per row.
    with django_assert_num_queries(3 * 4):
        run = search_index_refresh(batch_size=2)
    assert (run.indexed, run.batches) == (5, 3)
    with django_assert_num_queries(3):  # one read finds nothing
        assert search_index_refresh(batch_size=2).indexed == 0
    assert _waiting() == set()


@pytest.mark.parametrize("share", [0.25, 0.5])
def test_while_an_import_runs_the_job_pauses_for_the_rest_of_its_share(
    make_product: Callable[..., Product], share: float
) -> None:
    pauses: list[float] = []

    def index(share: float) -> int:
        for _ in range(5):
            make_product()
        return search_index_refresh(batch_size=2, share_during_imports=share, pause=pauses.append).indexed

    assert index(share) == 5
    assert pauses == []  # no import running: no pause

    running = ProductImport.objects.create(file_format="csv", created_by="system:test", status=ImportStatus.RUNNING)
    assert index(1.0) == 5
    assert pauses == []  # a share of 1: no pause either

    started = time.perf_counter()
    assert index(share) == 5
    spent = time.perf_counter() - started
    # After each of the two full batches (not after the last, short one), for the rest of the
    # share: (1 / share - 1) times the batch's own time, which the run's time bounds.
    assert len(pauses) == 2
    assert 0 < sum(pauses) <= spent * (1 / share - 1)

    running.status = ImportStatus.SUCCEEDED
    running.save()
    pauses.clear()
    assert index(share) == 5
    assert pauses == []


def test_the_job_takes_the_oldest_writes_first(make_product: Callable[..., Product]) -> None:
    for number in range(3):
        make_product(f"P-{number}")
    Product.objects.filter(sku="P-2").update(updated_at=timezone.now() - datetime.timedelta(hours=1))
    search_index_refresh(batch_size=1, max_batches=1)
    assert _waiting() == {"P-0", "P-1"}


def test_the_batch_and_the_freshness_reads_use_the_waiting_index(make_product: Callable[..., Product]) -> None:
    # Most products indexed, a few waiting, as usual; fresh statistics, whatever earlier tests did.
    for number in range(30):
        make_product(f"P-{number}")
    index_search()
    Product.objects.filter(sku__in=["P-1", "P-2"]).update(updated_at=timezone.now())
    queries = [
        Product.objects.filter(SEARCH_WAITING).order_by("updated_at").values("pk")[:2000].query,
        Product.objects.filter(SEARCH_WAITING).values("updated_at").order_by("updated_at")[:1].query,
        Product.objects.filter(SEARCH_WAITING).values("pk").query,  # the count
    ]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE catalog_product")
        cursor.execute("SET LOCAL enable_seqscan = off")
        for query in queries:
            sql, params = query.sql_with_params()
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "product_search_waiting_idx" in plan, plan


@pytest.mark.django_db(transaction=True)
def test_runs_in_parallel_share_the_work_and_skip_locked_rows(make_category: Callable[..., Category]) -> None:
    category = make_category("Everything")
    Product.objects.bulk_create(
        Product(sku=f"P-{n:03d}", name=f"Chair {n}", slug=f"chair-{n}", category=category, price=1, currency="EUR")
        for n in range(300)
    )
    # Another session holds ten rows (an import's batch updating them): no run waits for them.
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        try:
            with transaction.atomic():
                list(Product.objects.select_for_update().filter(sku__lt="P-010").values_list("pk"))
                held.set()
                release.wait(30)
        finally:
            connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert held.wait(30)
    counts: list[int] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            counts.append(search_index_refresh(batch_size=7).indexed)
        except BaseException as exc:  # raised in the test's thread below
            errors.append(exc)
        finally:
            connection.close()

    try:
        runners = [threading.Thread(target=run) for _ in range(3)]
        for runner in runners:
            runner.start()
        for runner in runners:
            runner.join(60)
        assert not errors, errors
        # Each product indexed once by one of them, the held ones by none.
        assert sum(counts) == 290, counts
        assert _waiting() == {f"P-{n:03d}" for n in range(10)}
    finally:
        release.set()
        holder.join(30)
    # The job's own sessions in parallel (SEARCH_INDEX_SESSIONS) share them the same way.
    rest = search_index_refresh(batch_size=3, sessions=2)
    assert rest.indexed == 10
    assert rest.batches >= 4  # 3 at most each; how they fall between the sessions varies
    assert _waiting() == set()


@pytest.mark.django_db(transaction=True)
def test_a_stock_change_in_flight_does_not_hold_back_its_product(make_product: Callable[..., Product]) -> None:
    """A transaction that writes a row referring to a product (a stock movement, a reservation's
    line) locks the product's row FOR KEY SHARE when its foreign key is checked, at its commit
    (Django's foreign keys are deferred), until it ends. The job's lock must not conflict with
    it: such writes do not change the product's text and ask for no run, so a product they held
    was left waiting until the minute's sweep (seen in the e2e journey: a product created, its
    stock set at once, and the run its creation asked for skipping it during that commit)."""
    make_product("HOT-1", name="Hot seller")
    held = threading.Event()
    release = threading.Event()

    def adjust_stock() -> None:
        try:
            with transaction.atomic():  # as the admin runs it, inside a transaction of its own
                # The foreign keys checked now rather than at the commit: the commit's lock,
                # held for as long as the test needs instead of the commit's milliseconds.
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                stock_adjust(sku="HOT-1", mode=AdjustmentMode.ADD, quantity=3, reason=MovementReason.RESTOCK, actor="t")
                held.set()
                release.wait(30)
        finally:
            connection.close()

    adjuster = threading.Thread(target=adjust_stock)
    adjuster.start()
    try:
        assert held.wait(30)
        assert search_index_refresh().indexed == 1
        assert _waiting() == set()
    finally:
        release.set()
        adjuster.join(30)


# --- every write path asks for a run -----------------------------------------------------------


def _queued_runs() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM procrastinate_jobs WHERE task_name = %s AND status = 'todo' AND queueing_lock = %s",
            [SEARCH_INDEX_TASK, SEARCH_INDEX_LOCK],
        )
        row = cursor.fetchone()
    assert row is not None
    return int(row[0])


@pytest.fixture
def no_queued_run() -> None:
    # procrastinate's tables outlive a test database's flush; this test's transaction undoes it.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM procrastinate_jobs WHERE task_name = %s", [SEARCH_INDEX_TASK])


@pytest.mark.usefixtures("no_queued_run")
def test_api_writes_queue_one_run_after_their_commit(
    staff_client: APIClient, category: Category, django_capture_on_commit_callbacks: Any
) -> None:
    body = {"sku": "OAK-1", "name": "Oak chair", "price": "1.00", "currency": "EUR", "category": category.pk}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert staff_client.post(SEARCH, body, format="json").status_code == 201
    assert _queued_runs() == 0  # not before the commit
    for callback in callbacks:
        callback()
    assert _queued_runs() == 1
    # A second write while that run waits adds none: the run indexes it too.
    with django_capture_on_commit_callbacks(execute=True):
        assert staff_client.patch("/api/v1/products/OAK-1/", {"name": "Pine chair"}, format="json").status_code == 200
    assert _queued_runs() == 1


@pytest.mark.usefixtures("no_queued_run")
def test_admin_saves_and_actions_queue_a_run(
    admin_client: Client, hat: Product, django_capture_on_commit_callbacks: Any
) -> None:
    change = f"/admin/catalog/product/{hat.pk}/change/"
    form = admin_client.get(change).context["adminform"].form
    data = {**{name: form[name].value() for name in form.fields if form[name].value() is not None}}
    data.update({"name": "Straw boater", "stock-TOTAL_FORMS": "0", "stock-INITIAL_FORMS": "0"})
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    assert _queued_runs() == 1
    assert _waiting() == {"HAT-1"}


@pytest.mark.usefixtures("no_queued_run")
def test_a_finished_import_queues_a_run(
    staff_client: APIClient, category: Category, django_capture_on_commit_callbacks: Any
) -> None:
    csv = f"sku,name,price,currency,category\nOAK-1,Oak chair,1.00,EUR,{category.slug}\n"
    upload = SimpleUploadedFile("products.csv", csv.encode(), content_type="text/csv")
    response = staff_client.post("/api/v1/product-imports/", {"file": upload}, format="multipart")
    assert response.status_code == 202, response.content
    with django_capture_on_commit_callbacks(execute=True):
        product_import_run_task(import_id=response.json()["id"])
    assert _queued_runs() == 1
    assert _waiting() == {"OAK-1"}


@pytest.mark.usefixtures("no_queued_run")
def test_the_import_and_generate_commands_queue_a_run(
    category: Category, tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    path = tmp_path / "products.csv"
    path.write_text(f"sku,name,price,currency,category\nOAK-1,Oak chair,1.00,EUR,{category.slug}\n")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_products", str(path), "--no-progress", stdout=io.StringIO())
    assert _queued_runs() == 1
    with django_capture_on_commit_callbacks(execute=True):
        call_command("generate_products", "3", "--no-progress", stdout=io.StringIO())
    assert _queued_runs() == 1  # coalesced with the one waiting
    assert len(_waiting()) == 4


def test_the_sweep_is_a_periodic_task() -> None:
    from procrastinate.contrib.django import app

    assert (SEARCH_INDEX_TASK, "search_index_sweep") in app.periodic_registry.periodic_tasks


# --- how fresh search is ---------------------------------------------------------------------


def test_search_answers_say_up_to_when_search_is_current(
    staff_client: APIClient, anonymous_client: APIClient, hat: Product
) -> None:
    before = timezone.now()
    current = anonymous_client.get(SEARCH, {"q": "hat"})
    assert datetime.datetime.fromisoformat(current["Search-Indexed-Through"]) >= before  # nothing waits
    assert "Search-Indexed-Through" not in anonymous_client.get(SEARCH)  # not a search

    staff_client.patch("/api/v1/products/HAT-1/", {"name": "Straw boater"}, format="json")
    written = anonymous_client.get("/api/v1/products/HAT-1/").json()["updated_at"]
    behind = anonymous_client.get(SEARCH, {"q": "boots"})
    # Exactly the waiting product's updated_at, in the same format: a client compares the two.
    assert behind["Search-Indexed-Through"] == written
    index_search()
    after = anonymous_client.get(SEARCH, {"q": "boater"})
    assert after["Search-Indexed-Through"] > written


def test_the_admin_product_list_says_how_fresh_search_is(
    admin_client: Client, staff_client: APIClient, hat: Product
) -> None:
    assert "Full-text search is current" in admin_client.get("/admin/catalog/product/").content.decode()
    staff_client.patch("/api/v1/products/HAT-1/", {"name": "Straw boater"}, format="json")
    staff_client.patch("/api/v1/products/BOOT-1/", {"name": "Rubber boots"}, format="json")
    page = admin_client.get("/admin/catalog/product/").content.decode()
    oldest = Product.objects.get(sku="HAT-1").updated_at.strftime("%Y-%m-%d %H:%M:%S")
    assert f"Full-text search current up to {oldest} UTC: 2 products waiting for the indexer" in page


def test_the_admin_product_list_counts_the_waiting_products_up_to_a_bound(
    admin_client: Client, staff_client: APIClient, hat: Product, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalog_admin, "ADMIN_SEARCH_WAITING_COUNT_UP_TO", 1)
    staff_client.patch("/api/v1/products/HAT-1/", {"name": "Straw boater"}, format="json")
    assert "1 product waiting for the indexer" in admin_client.get("/admin/catalog/product/").content.decode()
    staff_client.patch("/api/v1/products/BOOT-1/", {"name": "Rubber boots"}, format="json")
    page = admin_client.get("/admin/catalog/product/").content.decode()
    oldest = Product.objects.get(sku="HAT-1").updated_at.strftime("%Y-%m-%d %H:%M:%S")
    assert f"Full-text search current up to {oldest} UTC: more than 1 products waiting for the indexer" in page


def test_metrics_export_the_waiting_products_and_the_oldest_age(
    staff_client: APIClient, hat: Product, anonymous_client: APIClient
) -> None:
    def gauges() -> dict[str, float]:
        return {family.name: family.samples[0].value for family in SearchIndexCollector().collect()}

    assert gauges() == {
        "mercato_catalog_search_waiting_products": 0,
        "mercato_catalog_search_oldest_waiting_age_seconds": 0,
    }
    staff_client.patch("/api/v1/products/HAT-1/", {"name": "Straw boater"}, format="json")
    Product.objects.filter(sku="HAT-1").update(updated_at=timezone.now() - datetime.timedelta(seconds=90))
    values = gauges()
    assert values["mercato_catalog_search_waiting_products"] == 1
    assert 90 <= values["mercato_catalog_search_oldest_waiting_age_seconds"] < 120
    # And on the service's /metrics.
    page = anonymous_client.get("/metrics").content.decode()
    assert "mercato_catalog_search_waiting_products 1.0" in page
    assert search_freshness().waiting == 1


# --- the migration ---------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_every_vector_and_marks_existing_products_indexed(category: Category) -> None:
    """catalog/0012 turns the generated column into a plain one: existing products keep their
    vectors and count as indexed, so a deployment does not make the whole catalog wait."""
    from django.db.migrations.executor import MigrationExecutor

    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("catalog")
    executor = MigrationExecutor(connection)
    executor.migrate([("catalog", "0011_reservation_keys")])
    try:
        with connection.cursor() as cursor:
            # Written as before: PostgreSQL computes the generated vector.
            cursor.execute(
                "INSERT INTO catalog_product (sku, name, slug, description, category_id, price, currency, attributes,"
                " is_active) VALUES ('OAK-1', 'Oak chair', 'oak-chair', 'Solid oak', %s, 1, 'EUR', '{}', true)",
                [category.pk],
            )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(latest)
    product = Product.objects.get(sku="OAK-1")
    assert product.search_indexed_at == product.updated_at
    stored, computed = Product.objects.annotate(computed=search_document()).values_list("search_vector", "computed")[0]
    assert stored == computed
    assert search_freshness().waiting == 0
