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

from common.idempotency import IdempotencyState, StoredResponse, idempotency_claim, idempotency_completion
from common.prepared import Write, insert_objects, insert_write, update_fields, update_write, write_together
from orders_service.orders.exceptions import OrderNotFound
from orders_service.orders.models import (
    IdempotencyRecord,
    Order,
    OrderLine,
    OrderStatus,
    OrderStatusChange,
    RejectionReason,
)
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


# --- the confirming and rejecting transactions: their writes in one statement -------------------


def _pending(*, key: str) -> tuple[Order, list[OrderLine], IdempotencyRecord]:
    """A placed order as placement leaves it: pending, two lines not yet priced, its key claimed."""
    order = _order()
    lines = [OrderLine(order=order, sku="SKU-A", quantity=2), OrderLine(order=order, sku="SKU-B", quantity=1)]
    placed = transitions.order_history_entry(
        order=order, from_status="", to_status=OrderStatus.PENDING, actor="user:x", reason="placed"
    )
    insert_objects([order], lines, [placed])
    record = idempotency_claim(IdempotencyRecord, principal="user:x", key=key, fingerprint="f", order_id=order.pk)
    return order, lines, record


PRICED = {
    "SKU-A": transitions.PricedLine(sku="SKU-A", name="Apple", unit_price=Decimal("1.25"), currency="EUR"),
    "SKU-B": transitions.PricedLine(sku="SKU-B", name="Bread", unit_price=Decimal("3.10"), currency="EUR"),
}
FACTS = transitions.SettledFacts(customer_email="ada@example.com", customer_name="Ada", reservation_id=uuid.uuid4())


def _rows(order: Order, record: IdempotencyRecord) -> dict[str, Any]:
    """What the order's tables and its key hold for it, without ids and times."""
    return {
        "order": _row(Order, order.pk, ignore=("id", "customer_id", "created_at", "updated_at", "confirmed_at")),
        "lines": list(OrderLine.objects.filter(order=order).order_by("id").values("sku", "quantity", *_PRICE)),
        "history": list(
            OrderStatusChange.objects.filter(order=order)
            .order_by("id")
            .values("from_status", "to_status", "actor", "reason")
        ),
        "key": _row(
            IdempotencyRecord, record.pk, ignore=("id", "key", "order_id", "created_at", "locked_until", "expires_at")
        ),
    }


_PRICE = ("name", "unit_price", "line_total")


def _finish(record: IdempotencyRecord, stored: list[StoredResponse]) -> Callable[[Order], Write]:
    def finish(order: Order) -> Write:
        return idempotency_completion(
            IdempotencyRecord,
            record_id=record.pk,
            status_code=201,
            body={"id": str(order.pk), "status": str(order.status), "updated_at": order.updated_at.isoformat()},
            headers={"Location": f"/api/v1/orders/{order.pk}/"},
            done=stored.append,
        )

    return finish


def _written(queries: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in queries.captured_queries if not query["sql"].startswith(("SAVEPOINT", "RELEASE"))]


def test_confirming_is_the_lock_and_one_statement_writing_what_the_orm_wrote() -> None:
    """History, lines priced, the order and the key's completion: one statement after the lock
    (four before), and the rows the ORM's writes made, one at a time."""
    ours, our_lines, our_key = _pending(key="ours")
    stored: list[StoredResponse] = []
    with CaptureQueriesContext(connection) as queries:
        confirmed = transitions.order_confirm(
            order_id=ours.pk,
            priced=PRICED,
            actor="user:x",
            facts=FACTS,
            finish=_finish(our_key, stored),
            lines=our_lines,
        )
    statements = _written(queries)
    assert len(statements) == 2, statements
    assert "FOR UPDATE" in statements[0]
    assert statements[1].startswith("WITH ")

    # The same confirmation written by the ORM, a statement per row set.
    theirs, their_lines, their_key = _pending(key="theirs")
    theirs.refresh_from_db()
    OrderStatusChange.objects.create(
        order=theirs, from_status=OrderStatus.PENDING, to_status=OrderStatus.CONFIRMED, actor="user:x",
        reason="stock reserved and committed",
    )  # fmt: skip
    for line in their_lines:
        price = PRICED[line.sku]
        line.name, line.unit_price, line.line_total = price.name, price.unit_price, price.unit_price * line.quantity
    OrderLine.objects.bulk_update(their_lines, list(_PRICE))
    theirs.status, theirs.currency, theirs.total = OrderStatus.CONFIRMED, "EUR", Decimal("5.60")
    theirs.confirmed_at = timezone.now()
    theirs.customer_email, theirs.customer_name = "ada@example.com", "Ada"
    theirs.reservation_id = FACTS.reservation_id
    theirs.save()
    IdempotencyRecord.objects.filter(pk=their_key.pk).update(
        state=IdempotencyState.COMPLETED, response_status=201, response_body=stored[0].body,
        response_headers={"Location": f"/api/v1/orders/{ours.pk}/"},
    )  # fmt: skip

    assert _rows(ours, our_key) == _rows(theirs, their_key)
    assert _rows(ours, our_key)["order"]["status"] == OrderStatus.CONFIRMED
    # The answer was built from the order as saved, and is what the key stores.
    saved = Order.objects.get(pk=ours.pk)
    assert saved.updated_at == confirmed.updated_at
    assert stored == [
        StoredResponse(
            201,
            {"id": str(ours.pk), "status": "confirmed", "updated_at": saved.updated_at.isoformat()},
            {"Location": f"/api/v1/orders/{ours.pk}/"},
        )
    ]
    assert IdempotencyRecord.objects.get(pk=our_key.pk).response_body == stored[0].body
    # Every history row got its key, as create() gives it.
    assert all(change.pk for change in OrderStatusChange.objects.filter(order=ours))


def test_rejecting_is_the_lock_and_one_statement() -> None:
    order, _, key = _pending(key="rejected")
    stored: list[StoredResponse] = []
    with CaptureQueriesContext(connection) as queries:
        transitions.order_reject(
            order_id=order.pk,
            reason=RejectionReason.INSUFFICIENT_STOCK,
            detail="SKU-A: 1 left",
            rejected_lines=[{"sku": "SKU-A", "requested": 2, "available": 1}],
            actor="user:x",
            facts=FACTS,
            finish=_finish(key, stored),
        )
    statements = _written(queries)
    assert len(statements) == 2, statements
    saved = Order.objects.get(pk=order.pk)
    assert (saved.status, saved.rejection_reason, saved.customer_email) == (
        OrderStatus.REJECTED,
        RejectionReason.INSUFFICIENT_STOCK,
        "ada@example.com",
    )
    assert saved.rejected_lines == [{"sku": "SKU-A", "requested": 2, "available": 1}]
    assert list(OrderStatusChange.objects.filter(order=order).order_by("id").values_list("to_status", flat=True)) == [
        OrderStatus.PENDING,
        OrderStatus.REJECTED,
    ]
    assert IdempotencyRecord.objects.get(pk=key.pk).state == IdempotencyState.COMPLETED
    assert stored[0].body["status"] == "rejected"


def test_a_key_completed_first_by_another_request_keeps_its_answer() -> None:
    """The completion in the confirming statement counts only while the key is in flight; a key
    another request completed first answers what it stored."""
    order, lines, key = _pending(key="raced")
    IdempotencyRecord.objects.filter(pk=key.pk).update(
        state=IdempotencyState.COMPLETED, response_status=202, response_body={"first": True}, response_headers={}
    )
    stored: list[StoredResponse] = []
    transitions.order_confirm(
        order_id=order.pk, priced=PRICED, actor="user:x", finish=_finish(key, stored), lines=lines
    )
    assert stored == [StoredResponse(202, {"first": True}, {})]
    assert Order.objects.get(pk=order.pk).status == OrderStatus.CONFIRMED


def test_write_together_gives_each_write_its_own_returned_rows() -> None:
    order = _order()
    insert_objects([order])
    missing = _order()
    insert_objects([missing])
    Order.objects.filter(pk=missing.pk).delete()
    lines = [OrderLine(order=order, sku=f"SKU-{n}", quantity=1) for n in range(3)]
    history = OrderStatusChange(order=order, to_status=OrderStatus.PENDING, actor="user:x", reason="placed")
    order.customer_name = missing.customer_name = "Ada"
    with CaptureQueriesContext(connection) as queries, pytest.raises(DatabaseError, match="did not affect any rows"):
        write_together(
            insert_write(lines),
            update_write(order, ["customer_name"]),
            insert_write([history]),
            update_write(missing, ["customer_name"]),
        )
    assert len(queries) == 1
    # The writes before the failing one got their rows: keys in the VALUES' order.
    assert [line.pk for line in lines] == sorted(line.pk for line in lines)
    assert history.pk is not None
    assert Order.objects.get(pk=order.pk).customer_name == "Ada"
