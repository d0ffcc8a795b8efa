"""catalog's business counters: each moves by the right amount, under the right label, once the
change it counts is committed (real database, the services and the API as they run)."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.http import StreamingHttpResponse
from django.utils import timezone
from rest_framework.test import APIClient

from catalog_service.catalog.exceptions import Conflict, InsufficientStock, UnknownSkus
from catalog_service.catalog.models import Category, MovementReason, Product
from catalog_service.catalog.services.imports import product_import_run_file
from catalog_service.catalog.services.reservations import (
    ReservationLineRequest,
    ReservationRequest,
    reservation_commit,
    reservation_release,
    reservation_return,
    reservations_expire,
)
from catalog_service.catalog.services.stock import AdjustmentMode, stock_adjust
from common.idempotency import IdempotencyKeyReused, IdempotencyReplay
from devtools.testing.metrics import CounterDelta
from tests.catalog.reserving import reserve_in_process

pytestmark = pytest.mark.django_db

HEADER = "sku,name,description,price,currency,category,attributes,is_active,stock\n"


@pytest.fixture
def counters() -> Callable[[str], CounterDelta]:
    return CounterDelta


def request(*lines: tuple[str, int], commit: bool = False, ttl: int = 60) -> ReservationRequest:
    return ReservationRequest(
        reference="order-1",
        lines=tuple(ReservationLineRequest(sku, quantity) for sku, quantity in lines),
        ttl_seconds=ttl,
        commit=commit,
    )


def test_reservations_are_counted_by_outcome(
    make_product: Callable[..., Product],
    counters: Callable[[str], CounterDelta],
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_product("A", stock=5)
    make_product("B", stock=2)
    reservations = counters("mercato_catalog_reservations")
    key = str(uuid.uuid4())
    with django_capture_on_commit_callbacks(execute=True):
        reserve_in_process(request(("A", 1)), key=key)
        with pytest.raises(IdempotencyReplay):  # the view answers it (common/idempotency.py)
            reserve_in_process(request(("A", 1)), key=key)
        reserve_in_process(request(("A", 1), commit=True), key="k2")
        with pytest.raises(InsufficientStock):
            reserve_in_process(request(("B", 3)), key="k3")
        with pytest.raises(UnknownSkus):
            reserve_in_process(request(("NOPE", 1)), key="k4")
        with pytest.raises(IdempotencyKeyReused):
            reserve_in_process(request(("A", 2)), key=key)
    assert reservations.delta() == {
        "held": 1,
        "replayed": 1,
        "sold": 1,
        "insufficient_stock": 1,
        "unknown_sku": 1,
        "key_reused": 1,
    }


def test_transitions_are_counted_by_target_state(
    make_product: Callable[..., Product], counters: Callable[[str], CounterDelta]
) -> None:
    make_product("A", stock=10)
    transitions = counters("mercato_catalog_reservation_transitions")

    def hold(ttl: int = 60) -> uuid.UUID:
        return reserve_in_process(request(("A", 1), ttl=ttl), key=str(uuid.uuid4())).reservation_id

    committed = hold()
    reservation_commit(reservation_id=committed, caller="service:orders")
    reservation_commit(reservation_id=committed, caller="service:orders")  # already done: not counted again
    reservation_return(reservation_id=committed, caller="service:orders")
    reservation_release(reservation_id=hold(), caller="service:orders")
    lapsed = hold(ttl=1)
    later = timezone.now() + datetime.timedelta(seconds=5)
    with pytest.raises(Conflict, match="expired before it was committed"):
        reservation_commit(reservation_id=lapsed, caller="service:orders", now=later)
    hold(ttl=1)
    hold(ttl=1)
    assert reservations_expire(now=later) == 2
    assert transitions.delta() == {"committed": 1, "returned": 1, "released": 1, "expired": 3}


def test_a_stock_out_is_counted_when_the_hold_commits_not_before(
    make_product: Callable[..., Product],
    counters: Callable[[str], CounterDelta],
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_product("A", stock=2)
    make_product("B", stock=5)
    make_product("C", stock=1)
    stock_outs = counters("mercato_catalog_stock_outs")
    with django_capture_on_commit_callbacks(execute=False) as pending:
        reserve_in_process(request(("A", 2), ("B", 1), ("C", 1), commit=True), key="k")
    # Held inside the (test's) transaction: nothing counted until it commits.
    assert stock_outs.delta() == {}
    for callback in pending:
        callback()
    assert stock_outs.delta() == {"reservation": 2}  # A and C, not B


def test_a_stock_out_by_adjustment_and_none_for_a_refused_one(
    make_product: Callable[..., Product],
    counters: Callable[[str], CounterDelta],
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_product("A", stock=3)
    stock_outs = counters("mercato_catalog_stock_outs")
    adjust: dict[str, Any] = {"sku": "A", "reason": MovementReason.DAMAGED, "actor": "user:test"}
    with django_capture_on_commit_callbacks(execute=True):
        stock_adjust(mode=AdjustmentMode.ADD, quantity=-1, **adjust)  # 2 left
        stock_adjust(mode=AdjustmentMode.SET, quantity=0, **adjust)  # out
        stock_adjust(mode=AdjustmentMode.SET, quantity=0, **adjust)  # was out already
        with pytest.raises(Conflict, match="cannot go below"):
            stock_adjust(mode=AdjustmentMode.ADD, quantity=-1, **adjust)
    assert stock_outs.delta() == {"adjustment": 1}


def test_import_rows_by_outcome_and_imports_by_status(
    tmp_path: Path, make_category: Callable[..., Category], counters: Callable[[str], CounterDelta]
) -> None:
    make_category("Chairs", slug="chairs")
    rows = counters("mercato_catalog_import_rows")
    finished = counters("mercato_catalog_imports_finished")
    first = tmp_path / "first.csv"
    first.write_text(HEADER + "A-1,Chair,,10.00,EUR,chairs,,true,1\nA-2,Stool,,5.00,EUR,chairs,,true,1\n")
    product_import_run_file(path=first, file_format=None, actor="system:test")
    second = tmp_path / "second.csv"
    second.write_text(
        HEADER
        + "A-1,Chair,,10.00,EUR,chairs,,true,1\n"  # unchanged
        + "A-2,Stool,,6.00,EUR,chairs,,true,1\n"  # updated
        + "A-3,Bench,,not-a-price,EUR,chairs,,true,1\n"  # rejected
        + "A-4,Desk,,80.00,EUR,nowhere,,true,1\n"  # rejected: no such category
    )
    product_import_run_file(path=second, file_format=None, actor="system:test")
    assert rows.delta() == {"created": 2, "unchanged": 1, "updated": 1, "rejected": 2}
    assert finished.delta() == {"succeeded": 2}


def test_export_rows_are_counted_by_format(
    staff_client: APIClient, make_product: Callable[..., Product], counters: Callable[[str], CounterDelta]
) -> None:
    make_product("A")
    make_product("B", name='Two\nlines, "quoted"')
    make_product("C")
    exported = counters("mercato_catalog_export_rows")
    for file_format in ("csv", "ndjson", "csv"):
        response = staff_client.get("/api/v1/products/export/", {"file_format": file_format})
        assert isinstance(response, StreamingHttpResponse)
        b"".join(response.streaming_content)
    # A row is a COPY row, whatever line breaks its values hold.
    assert exported.delta() == {"csv": 6, "ndjson": 3}


def test_a_failed_import_is_counted(
    tmp_path: Path,
    make_category: Callable[..., Category],
    counters: Callable[[str], CounterDelta],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_category("Chairs", slug="chairs")
    finished = counters("mercato_catalog_imports_finished")
    rows = counters("mercato_catalog_import_rows")

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk on fire")

    # The way an import fails after its file was accepted: an error inside a batch.
    monkeypatch.setattr("catalog_service.catalog.bulk.loader.load_batch", broken)
    path = tmp_path / "chairs.csv"
    path.write_text(HEADER + "A-1,Chair,,10.00,EUR,chairs,,true,1\n")
    with pytest.raises(RuntimeError):
        product_import_run_file(path=path, file_format=None, actor="system:test")
    assert finished.delta() == {"failed": 1}
    assert rows.delta() == {}  # the batch rolled back: no row counted
