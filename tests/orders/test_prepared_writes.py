"""The saga's writes through statements built once (common/prepared.py: ``insert_objects``,
``update_fields``; orders' locked read of an order) write and read exactly what the ORM's
``create``/``bulk_create``/``save(update_fields=...)``/``select_for_update().get()`` do, one
statement each, on orders' real models."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.db import DatabaseError, connection
from django.db.models import F, signals
from django.db.models.sql.compiler import (
    SQLAggregateCompiler,
    SQLCompiler,
    SQLDeleteCompiler,
    SQLInsertCompiler,
    SQLUpdateCompiler,
)
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from common.prepared import insert_objects, update_fields
from orders_service.orders.exceptions import OrderNotFound
from orders_service.orders.models import Order, OrderLine, OrderStatus, OrderStatusChange
from orders_service.orders.services import transitions
from tests.orders.conftest import Shopper
from tests.orders.real_services import Catalog

pytestmark = pytest.mark.django_db

ADDRESS = {"recipient": "Ada", "line1": "1 Main St", "city": "Berlin", "postal_code": "10115", "country": "DE"}


def _order(**fields: Any) -> Order:
    return Order(customer_id=uuid.uuid4(), shipping_address=ADDRESS, units=3, reservation_ttl_seconds=600, **fields)


def _row(model: type[Any], pk: Any, *, ignore: tuple[str, ...] = ()) -> dict[str, Any]:
    row = model.objects.filter(pk=pk).values().get()
    return {name: value for name, value in row.items() if name not in ignore}


def test_an_inserted_order_is_the_row_create_writes() -> None:
    ours, theirs = _order(), _order()
    with CaptureQueriesContext(connection) as queries:
        insert_objects([ours])
    Order.objects.create(**{f.attname: getattr(theirs, f.attname) for f in Order._meta.concrete_fields})
    assert len(queries) == 1
    assert not ours._state.adding
    ignore = ("id", "customer_id", "created_at", "updated_at")
    assert _row(Order, ours.pk, ignore=ignore) == _row(Order, theirs.pk, ignore=ignore)
    # auto_now and the defaults were applied on the instance, as save() does, and written.
    stored = Order.objects.get(pk=ours.pk)
    assert stored.updated_at == ours.updated_at
    assert stored.created_at == ours.created_at
    assert stored.shipping_address == ADDRESS
    assert stored.status == OrderStatus.PENDING


def test_inserted_lines_get_their_ids_in_order_as_bulk_create_gives_them() -> None:
    order = _order()
    insert_objects([order])
    lines = [OrderLine(order=order, sku=f"SKU-{n}", quantity=n + 1) for n in range(5)]
    with CaptureQueriesContext(connection) as queries:
        insert_objects(lines)
    assert len(queries) == 1
    assert [line.pk for line in lines] == sorted(line.pk for line in lines)
    for line in lines:
        assert _row(OrderLine, line.pk) == {
            "id": line.pk,
            "order_id": order.pk,
            "sku": line.sku,
            "quantity": line.quantity,
            "name": "",
            "unit_price": None,
            "line_total": None,
        }
        assert not line._state.adding
        assert line._state.db == "default"


def test_a_history_row_keeps_its_given_time() -> None:
    order = _order()
    insert_objects([order])
    at = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    change = transitions.order_history_record(
        order=order, from_status="", to_status=OrderStatus.PENDING, actor="user:x", reason="placed", at=at
    )
    assert OrderStatusChange.objects.get(pk=change.pk).at == at


def test_update_fields_writes_what_save_writes() -> None:
    ours, theirs = _order(), _order()
    insert_objects([ours])
    insert_objects([theirs])
    now = timezone.now()
    for order in (ours, theirs):
        order.status = OrderStatus.CONFIRMED
        order.currency = "EUR"
        order.total = Decimal("12.50")
        order.confirmed_at = now
        order.customer_email = "ada@example.com"
    before = ours.updated_at
    fields = ["status", "currency", "total", "confirmed_at", "updated_at", "customer_email"]
    with CaptureQueriesContext(connection) as queries:
        update_fields(ours, fields)
    theirs.save(update_fields=fields)
    assert len(queries) == 1
    assert ours.updated_at > before  # auto_now, as save() sets it
    ignore = ("id", "customer_id", "created_at", "updated_at")
    assert _row(Order, ours.pk, ignore=ignore) == _row(Order, theirs.pk, ignore=ignore)
    assert Order.objects.get(pk=ours.pk).updated_at == ours.updated_at
    # Only the fields named: an unsaved change elsewhere stays unsaved.
    ours.customer_name = "not saved"
    update_fields(ours, ["status"])
    assert Order.objects.get(pk=ours.pk).customer_name == ""


def test_update_fields_of_a_missing_row_fails_as_save_does() -> None:
    order = _order()
    insert_objects([order])
    Order.objects.filter(pk=order.pk).delete()
    with pytest.raises(DatabaseError, match="did not affect any rows"):
        update_fields(order, ["status"])


def test_an_expression_is_refused() -> None:
    order = _order()
    insert_objects([order])
    order.units = F("units") + 1
    with pytest.raises(TypeError, match="expression"):
        update_fields(order, ["units"])


@pytest.fixture
def history_receiver() -> Iterator[None]:
    def receiver(**kwargs: Any) -> None:
        pass

    signals.post_save.connect(receiver, sender=OrderStatusChange)
    yield
    signals.post_save.disconnect(receiver, sender=OrderStatusChange)


@pytest.mark.usefixtures("history_receiver")
def test_a_model_with_save_receivers_is_refused() -> None:
    """The statements send no signals: a receiver added later must not be skipped silently."""
    order = _order()
    insert_objects([order])
    with pytest.raises(TypeError, match="receivers"):
        insert_objects([OrderStatusChange(order=order, to_status=OrderStatus.PENDING, actor="x")])


def test_the_locked_read_is_the_orms() -> None:
    order = _order(customer_email="ada@example.com", rejected_lines=[{"sku": "A"}], total=Decimal("3.10"))
    insert_objects([order])
    with CaptureQueriesContext(connection) as queries:
        locked = transitions._locked(order.pk)
    assert len(queries) == 1
    assert "FOR UPDATE" in queries[0]["sql"]
    expected = Order.objects.get(pk=order.pk)
    assert {f.attname: getattr(locked, f.attname) for f in Order._meta.concrete_fields} == {
        f.attname: getattr(expected, f.attname) for f in Order._meta.concrete_fields
    }
    assert not locked._state.adding
    assert locked._state.db == "default"
    with pytest.raises(OrderNotFound):
        transitions._locked(uuid.uuid4())


def test_placing_an_order_compiles_no_sql(
    make_shopper: Callable[..., Shopper], catalog: Catalog, place: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every statement of a placement is built once per process: the ORM's building and
    compiling was the largest share of orders' CPU per placement (docs/performance.md)."""
    for sku in ("SKU-A", "SKU-B"):
        catalog.add(sku, stock=10)
    shopper = make_shopper()
    assert place(shopper, [("SKU-A", 1)]).status_code == 201  # the first one builds them
    compiled: list[str] = []
    for compiler in (SQLCompiler, SQLInsertCompiler, SQLUpdateCompiler, SQLDeleteCompiler, SQLAggregateCompiler):
        monkeypatch.setattr(compiler, "as_sql", _recording(compiler.as_sql, compiled))
    response = place(shopper, [("SKU-A", 1), ("SKU-B", 2)])
    assert response.json()["status"] == "confirmed"
    assert compiled == []


def _recording(as_sql: Callable[..., Any], compiled: list[str]) -> Callable[..., Any]:
    def recorded(self: SQLCompiler, *args: Any, **kwargs: Any) -> Any:
        compiled.append(f"{type(self).__name__} {self.query.model}")
        return as_sql(self, *args, **kwargs)

    return recorded


def test_several_groups_are_one_statement_and_each_row_gets_its_key() -> None:
    order = _order()
    lines = [OrderLine(order=order, sku=f"SKU-{n}", quantity=n + 1) for n in range(3)]
    history = [OrderStatusChange(order=order, to_status=OrderStatus.PENDING, actor="user:x", reason="placed")]
    with CaptureQueriesContext(connection) as queries:
        insert_objects([order], lines, history)  # the lines reference the order of the same statement
    assert len(queries) == 1
    assert {line.pk: line.sku for line in lines} == dict(OrderLine.objects.filter(order=order).values_list("pk", "sku"))
    assert OrderStatusChange.objects.get(order=order).pk == history[0].pk
    assert not any(obj._state.adding for obj in [order, *lines, *history])
