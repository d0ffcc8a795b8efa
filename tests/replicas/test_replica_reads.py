"""Read-only API requests are served by the standby, writes by the primary, and a client that has
just written reads its own write even while the standby lags (common/replicas.py)."""

from __future__ import annotations

import contextlib
import copy
import csv
import io
import time
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from catalog_service.catalog.models import Category, Product
from catalog_service.catalog.services.categories import category_create
from catalog_service.catalog.services.products import product_create
from common import replicas
from common.replicas import REPLICA_UNREACHABLE
from devtools.devstack import free_port
from devtools.testing.standby import Standby
from tests.replicas.conftest import REPLICA, api_client, disconnect, replica_db


def _category() -> Category:
    return Category.objects.first() or category_create(name="Replicated", slug="replicated", parent_id=None)


def _product(sku: str, name: str = "Replicated") -> Product:
    return product_create(sku=sku, name=name, price=Decimal("10.00"), currency="EUR", category_id=_category().pk)


@pytest.fixture
def body(standby: Standby) -> dict[str, Any]:
    """A new product's body, its category already on the standby."""
    category = _category()
    standby.wait_for_replay()
    return {"sku": "REPLICA-1", "name": "Replicated", "price": "10.00", "currency": "EUR", "category": category.pk}


def _in_recovery(alias: str) -> bool:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        (in_recovery,) = cursor.fetchone()
    return bool(in_recovery)


@replica_db
def test_the_replica_alias_is_a_hot_standby_of_the_primary(standby: Standby) -> None:
    assert settings.DATABASE_ROUTERS == ["common.replicas.ReplicaRouter"]
    assert "common.replicas.ReplicaReadsMiddleware" in settings.MIDDLEWARE
    assert connections[REPLICA].settings_dict["PORT"] == standby.port
    assert _in_recovery(REPLICA)
    assert not _in_recovery("default")


@replica_db
def test_a_product_read_is_served_by_the_standby(standby: Standby) -> None:
    _product("REPLICA-READ", name="Before")
    standby.wait_for_replay()
    reader = api_client(anonymous=True)
    with standby.replay_paused():
        Product.objects.filter(sku="REPLICA-READ").update(name="After")  # the primary only, for now
        with (
            CaptureQueriesContext(connections["default"]) as on_primary,
            CaptureQueriesContext(connections[REPLICA]) as on_replica,
        ):
            response = reader.get("/api/v1/products/REPLICA-READ/")
        assert response.status_code == 200, response.content
        assert response.json()["name"] == "Before"  # what the lagging standby has
        assert len(on_replica) == 1  # the product's one query
        assert len(on_primary) == 0
    assert reader.get("/api/v1/products/REPLICA-READ/").json()["name"] == "After"


@replica_db
@pytest.mark.parametrize("path", ["/api/v1/products/", "/api/v1/categories/"])
def test_list_pages_are_served_by_the_standby(standby: Standby, path: str) -> None:
    reader = api_client()
    with (
        CaptureQueriesContext(connections["default"]) as on_primary,
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
    ):
        response = reader.get(path)
    assert response.status_code == 200, response.content
    assert len(on_primary) == 0
    assert len(on_replica) >= 1
    assert reader.head(path).status_code == 200


@replica_db
def test_a_write_goes_to_the_primary_and_its_writer_reads_it_at_once(standby: Standby, body: dict[str, Any]) -> None:
    writer, other = api_client(is_staff=True), api_client(anonymous=True)
    with standby.replay_paused():
        with CaptureQueriesContext(connections[REPLICA]) as on_replica:
            created = writer.post("/api/v1/products/", body, format="json")
        assert created.status_code == 201, created.content
        assert len(on_replica) == 0
        assert created.cookies[replicas.STICKY_COOKIE]["max-age"] == settings.DATABASE_REPLICA_STICKY_SECONDS

        # The writer reads the primary: its cookie says it wrote a moment ago.
        assert writer.get("/api/v1/products/REPLICA-1/").status_code == 200
        # Anyone else reads the standby, which has not replayed the write yet.
        assert other.get("/api/v1/products/REPLICA-1/").status_code == 404
        # A token client that drops cookies is still known by its subject (in this process).
        writer.cookies.clear()
        assert writer.get("/api/v1/products/REPLICA-1/").status_code == 200
        assert api_client(is_staff=True).get("/api/v1/products/REPLICA-1/").status_code == 404
    assert other.get("/api/v1/products/REPLICA-1/").status_code == 200


@replica_db
def test_the_stickiness_ends_after_its_window(standby: Standby, settings: Any, body: dict[str, Any]) -> None:
    settings.DATABASE_REPLICA_STICKY_SECONDS = 1
    writer = api_client(is_staff=True)  # a new client: its middleware reads the setting
    with standby.replay_paused():
        assert writer.post("/api/v1/products/", body, format="json").status_code == 201
        assert writer.get("/api/v1/products/REPLICA-1/").status_code == 200
        time.sleep(1.5)
        # Cookie (signed with its time) and subject both expired: back to the lagging standby.
        assert writer.get("/api/v1/products/REPLICA-1/").status_code == 404


@replica_db
def test_a_made_up_cookie_does_not_pin_a_client_to_the_primary(standby: Standby) -> None:
    reader = api_client(anonymous=True)
    reader.cookies[replicas.STICKY_COOKIE] = "1"
    with standby.replay_paused():
        _product("REPLICA-FORGED")
        assert reader.get("/api/v1/products/REPLICA-FORGED/").status_code == 404


@replica_db
def test_the_export_streams_from_the_standby_unless_its_client_just_wrote(
    standby: Standby, body: dict[str, Any]
) -> None:
    def exported_skus(client: APIClient) -> set[str]:
        response = client.get("/api/v1/products/export/?file_format=csv")
        assert response.status_code == 200
        rows = csv.DictReader(io.StringIO(response.getvalue().decode()))
        return {row["sku"] for row in rows}

    _product("REPLICA-OLD")
    standby.wait_for_replay()
    writer, reader = api_client(is_staff=True), api_client(is_staff=True)
    with standby.replay_paused():
        assert writer.post("/api/v1/products/", body, format="json").status_code == 201
        assert exported_skus(reader) == {"REPLICA-OLD"}
        assert exported_skus(writer) == {"REPLICA-OLD", "REPLICA-1"}


@replica_db
def test_views_not_marked_for_replicas_read_the_primary(standby: Standby) -> None:
    """Stock and reservations are the saga's: their reads are never stale."""
    staff = api_client(is_staff=True)
    with standby.replay_paused():
        _product("REPLICA-STOCK")
        with CaptureQueriesContext(connections[REPLICA]) as on_replica:
            response = staff.get("/api/v1/products/REPLICA-STOCK/stock/")
        assert response.status_code == 200, response.content
        assert len(on_replica) == 0
        assert staff.get("/api/v1/products/REPLICA-STOCK/").status_code == 404  # marked: the standby


@replica_db  # settling on the replica connects to it (to find it reachable)
def test_the_router_sends_reads_to_the_replica_only_inside_a_replica_read_once_authenticated(
    rf: Any,
) -> None:
    router = replicas.ReplicaRouter()
    # The model Django's database cache reads and writes DRF's throttle counters through.
    cache = caches["default"]
    assert isinstance(cache, DatabaseCache)
    catalog, counters = Product, cache.cache_model_class
    assert router.db_for_read(catalog) is None  # no request: a job, a command, the primary
    request = rf.get("/api/v1/products/")
    read = replicas._ReplicaRead(request, REPLICA, (lambda request: None, (), {}))
    token = replicas._current.set(read)
    try:
        assert router.db_for_read(catalog) is None  # DRF has not authenticated yet
        request.user = None  # DRF's anonymous user (UNAUTHENTICATED_USER)
        assert router.db_for_read(catalog) == REPLICA
        assert router.db_for_read(counters) is None  # throttle counters: always the primary
        assert router.db_for_write(catalog) is None
    finally:
        replicas._current.reset(token)
    assert router.allow_migrate(REPLICA, "catalog") is False
    assert router.allow_migrate("default", "catalog") is None


def test_sticky_subjects_forget_the_expired_and_the_oldest_past_the_limit() -> None:
    now = [1000.0]
    subjects = replicas.StickySubjects(limit=2, clock=lambda: now[0])
    subjects.stick("a", 10)
    now[0] += 5
    subjects.stick("b", 10)
    now[0] += 3
    subjects.stick("c", 10)  # over the limit: "a", the oldest, goes though not expired
    assert (subjects.is_sticky("a"), subjects.is_sticky("b"), subjects.is_sticky("c")) == (False, True, True)
    now[0] += 7.5  # "b" has expired, "c" not
    subjects.stick("d", 10)  # "b" goes: expired
    assert len(subjects) == 2
    assert (subjects.is_sticky("b"), subjects.is_sticky("c"), subjects.is_sticky("d")) == (False, True, True)


@replica_db
@pytest.mark.parametrize("outage", ["frozen", "refusing connections"])
def test_an_unreachable_replica_is_left_out_and_its_reads_go_to_the_primary(
    standby: Standby, settings: Any, monkeypatch: pytest.MonkeyPatch, outage: str
) -> None:
    _product("REPLICA-OUT")
    standby.wait_for_replay()
    reader = api_client(anonymous=True)
    now = [0.0]
    monkeypatch.setattr(replicas, "replica_outages", replicas.ReplicaOutages(clock=lambda: now[0]))
    settings.DATABASE_REPLICA_RETRY_SECONDS = 30
    replica = connections[REPLICA]
    kept = replica.settings_dict
    unreachable = copy.deepcopy(kept)
    # Short waits for a connection that never comes (a frozen server never answers).
    unreachable["OPTIONS"]["connect_timeout"] = 1
    if "pool" in unreachable["OPTIONS"]:
        unreachable["OPTIONS"]["pool"] = {**unreachable["OPTIONS"]["pool"], "timeout": 1.0, "min_size": 0}
    if outage == "refusing connections":
        unreachable["PORT"] = free_port()
    counted = REPLICA_UNREACHABLE.labels(REPLICA)._value.get()

    disconnect(replica)  # what is open now would still be served: the outage meets new connections
    replica.settings_dict = unreachable
    try:
        with standby.frozen() if outage == "frozen" else contextlib.nullcontext():
            for _ in range(3):
                with CaptureQueriesContext(connections["default"]) as on_primary:
                    response = reader.get("/api/v1/products/REPLICA-OUT/")
                assert response.status_code == 200, response.content
                assert len(on_primary) == 1  # the product's query, on the primary
            # Tried once, then left out: the next two reads did not wait for it.
            assert REPLICA_UNREACHABLE.labels(REPLICA)._value.get() == counted + 1
    finally:
        disconnect(replica)
        replica.settings_dict = kept

    # The replica is back; it is tried again once its time out is over.
    now[0] += 29
    with CaptureQueriesContext(connections["default"]) as on_primary:
        assert reader.get("/api/v1/products/REPLICA-OUT/").status_code == 200
    assert len(on_primary) == 1
    now[0] += 2
    with (
        CaptureQueriesContext(connections["default"]) as on_primary,
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
    ):
        assert reader.get("/api/v1/products/REPLICA-OUT/").status_code == 200
    assert (len(on_primary), len(on_replica)) == (0, 1)


@replica_db
def test_a_replica_session_that_dies_is_read_again_from_the_primary(
    standby: Standby, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The standby's sessions end under the request (a restart of the replica, a failover): the
    connection the request was given is dead at its first query. The read is answered from the
    primary, and the replica left out for its retry window like one found unreachable."""
    _product("REPLICA-DIES")
    standby.wait_for_replay()
    reader = api_client(anonymous=True)
    monkeypatch.setattr(replicas, "replica_outages", replicas.ReplicaOutages(clock=lambda: 0.0))
    settings.DATABASE_REPLICA_RETRY_SECONDS = 30
    counted = REPLICA_UNREACHABLE.labels(REPLICA)._value.get()
    replica = connections[REPLICA]
    replica.ensure_connection()  # the session the next request's read is given
    replica_session = replica.connection.info.backend_pid
    terminated = standby.terminate_sessions()
    assert replica_session in terminated

    with CaptureQueriesContext(connections["default"]) as on_primary:
        response = reader.get("/api/v1/products/REPLICA-DIES/")
    assert response.status_code == 200, response.content
    assert response.json()["sku"] == "REPLICA-DIES"
    assert len(on_primary) == 1  # the product's query, again, on the primary
    assert REPLICA_UNREACHABLE.labels(REPLICA)._value.get() == counted + 1
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        assert reader.get("/api/v1/products/REPLICA-DIES/").status_code == 200
    assert len(on_replica) == 0  # left out meanwhile
