"""The placement saga against the real catalog and accounts, through a fault proxy (docs/orders.md)."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from prometheus_client import REGISTRY

from common.idempotency import request_fingerprint
from devtools.testing.http_server import Answer, Received
from orders_service.orders.models import Order, OrderStatus, OrderStatusChange
from orders_service.orders.services.placement import reservation_key
from orders_service.orders.services.recovery import orders_recover
from tests.orders.conftest import Shopper
from tests.orders.real_services import Accounts, Catalog

pytestmark = pytest.mark.django_db

Place = Callable[..., Any]


def is_reservation_post(received: Received) -> bool:
    return received.method == "POST" and received.path == "/api/v1/reservations/"


def is_commit(received: Received) -> bool:
    return received.path.endswith("/commit/")


def metric(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_an_order_is_confirmed_with_catalogs_names_and_prices_and_its_stock_sold(
    shopper: Shopper, catalog: Catalog, directory: Accounts, place: Place
) -> None:
    catalog.add("MUG-1", price="12.50", stock=5, name="Blue mug")
    catalog.add("TEA-2", price="3.20", stock=5, name="Green tea")
    placed_before = metric("mercato_orders_placed_total")
    response = place(shopper, [("MUG-1", 2), ("TEA-2", 3)])
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "confirmed"
    assert body["currency"] == "EUR"
    assert body["total"] == "34.60"
    assert body["units"] == 5
    assert body["customer_email"] == directory.users[shopper.id].email
    assert body["customer_name"] == "Pat Shopper"
    assert body["rejection"] is None
    assert [(line["sku"], line["name"], line["unit_price"], line["line_total"]) for line in body["lines"]] == [
        ("MUG-1", "Blue mug", "12.50", "25.00"),
        ("TEA-2", "Green tea", "3.20", "9.60"),
    ]
    assert response["Location"] == f"/api/v1/orders/{body['id']}/"
    # Sold: on hand down, nothing left held.
    assert (catalog.products["MUG-1"].on_hand, catalog.held()) == (3, 0)
    (post,) = catalog.reservation_posts()
    assert post.headers["Idempotency-Key"] == f"order-{body['id']}"
    assert post.json()["reference"] == body["id"]
    assert metric("mercato_orders_placed_total") == placed_before + 1
    history = list(OrderStatusChange.objects.filter(order_id=body["id"]).values_list("from_status", "to_status"))
    assert history == [("", "pending"), ("pending", "confirmed")]


def test_a_shortage_rejects_the_order_naming_each_short_sku(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    catalog.add("MUG-1", stock=1)
    catalog.add("TEA-2", stock=10)
    catalog.add("PEN-3", stock=0)
    response = place(shopper, [("MUG-1", 2), ("TEA-2", 1), ("PEN-3", 1)])
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "rejected"
    assert body["total"] is None
    assert body["rejection"]["reason"] == "insufficient_stock"
    assert body["rejection"]["lines"] == [
        {"sku": "MUG-1", "requested": 2, "available": 1},
        {"sku": "PEN-3", "requested": 1, "available": 0},
    ]
    assert catalog.held() == 0


def test_an_unknown_sku_rejects_the_order(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    catalog.add("MUG-1", stock=1)
    body = place(shopper, [("MUG-1", 1), ("NOPE-9", 1)]).json()
    assert body["status"] == "rejected"
    assert body["rejection"]["reason"] == "unknown_sku"
    assert body["rejection"]["lines"] == [{"sku": "NOPE-9"}]


def test_an_unknown_customer_is_rejected_without_touching_catalog(
    make_shopper: Callable[..., Shopper], catalog: Catalog, place: Place
) -> None:
    catalog.add("MUG-1", stock=1)
    body = place(make_shopper(known=False), [("MUG-1", 1)]).json()
    assert body["rejection"]["reason"] == "customer_unknown"
    assert catalog.reservation_posts() == []


def test_products_in_several_currencies_reject_the_order_and_release_the_hold(
    shopper: Shopper, catalog: Catalog, place: Place
) -> None:
    catalog.sells_on_create = False  # catalog before 1.4.0: it holds, orders commits
    catalog.add("MUG-1", stock=1, currency="EUR")
    catalog.add("TEA-2", stock=1, currency="USD")
    body = place(shopper, [("MUG-1", 1), ("TEA-2", 1)]).json()
    assert body["rejection"]["reason"] == "mixed_currencies"
    assert catalog.held() == 0
    assert [r.status for r in catalog.reservations.values()] == ["released"]


@pytest.mark.parametrize(
    "fault",
    [Answer(drop=True), Answer(503), Answer(delay=1.5)],
    ids=["connection-dropped", "server-error", "timeout"],
)
def test_no_definite_answer_leaves_the_order_pending_with_202(
    shopper: Shopper, catalog: Catalog, place: Place, fault: Answer
) -> None:
    catalog.add("MUG-1", stock=3)
    catalog.fail(is_reservation_post, fault, times=2)  # the first try and its retry
    response = place(shopper, [("MUG-1", 1)])
    assert response.status_code == 202, response.content
    body = response.json()
    assert body["status"] == "pending"
    assert body["total"] is None
    assert Order.objects.get(pk=body["id"]).status == OrderStatus.PENDING


def test_recovery_settles_a_pending_order_with_the_same_key_and_never_holds_twice(
    shopper: Shopper, catalog: Catalog, place: Place
) -> None:
    catalog.sells_on_create = False  # catalog before 1.4.0: it holds, orders commits
    catalog.add("MUG-1", price="5.00", stock=3)
    # catalog holds the stock, but its answer never arrives (twice: the retry too).
    catalog.lose_answer_of = is_reservation_post
    catalog.fail(lambda r: is_reservation_post(r) and len(catalog.reservation_posts()) > 1, Answer(drop=True))
    body = place(shopper, [("MUG-1", 2)]).json()
    assert body["status"] == "pending"
    assert catalog.held() == 2

    report = orders_recover(older_than=datetime.timedelta(0))
    assert (report.examined, report.confirmed) == (1, 1)
    order = Order.objects.get(pk=body["id"])
    assert order.status == OrderStatus.CONFIRMED
    assert str(order.total) == "10.00"
    # One reservation only, committed; every attempt carried the same key.
    assert len(catalog.reservations) == 1
    assert {r.headers["Idempotency-Key"] for r in catalog.reservation_posts()} == {f"order-{body['id']}"}
    assert (catalog.products["MUG-1"].on_hand, catalog.held()) == (1, 0)
    assert OrderStatusChange.objects.filter(order_id=body["id"], to_status="confirmed").get().actor == (
        "system:recover_orders"
    )


def test_a_lost_commit_answer_is_recovered_by_committing_again(
    shopper: Shopper, catalog: Catalog, place: Place
) -> None:
    catalog.sells_on_create = False  # catalog before 1.4.0: it holds, orders commits
    catalog.add("MUG-1", stock=3)
    catalog.lose_answer_of = is_commit
    catalog.fail(lambda r: is_commit(r) and sum(is_commit(x) for x in catalog.server.requests) > 1, Answer(drop=True))
    body = place(shopper, [("MUG-1", 1)]).json()
    assert body["status"] == "pending"  # confirmed only once the commit is known
    orders_recover(older_than=datetime.timedelta(0))
    assert Order.objects.get(pk=body["id"]).status == OrderStatus.CONFIRMED
    assert (catalog.products["MUG-1"].on_hand, catalog.held()) == (2, 0)


def test_a_hold_that_expired_while_pending_rejects_the_order(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    catalog.sells_on_create = False  # catalog before 1.4.0: it holds, orders commits
    catalog.add("MUG-1", stock=3)
    catalog.fail(is_commit, Answer(503), times=2)
    body = place(shopper, [("MUG-1", 1)]).json()
    assert body["status"] == "pending"
    catalog.expire(str(Order.objects.get(pk=body["id"]).reservation_id))
    orders_recover(older_than=datetime.timedelta(0))
    order = Order.objects.get(pk=body["id"])
    assert (order.status, order.rejection_reason) == ("rejected", "reservation_expired")
    assert catalog.products["MUG-1"].on_hand == 3


def test_recovery_skips_young_orders_and_backs_off(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    catalog.add("MUG-1", stock=3)
    catalog.fail(is_reservation_post, Answer(503), times=4)
    order_id = place(shopper, [("MUG-1", 1)]).json()["id"]
    assert orders_recover(older_than=datetime.timedelta(minutes=5)).examined == 0
    assert orders_recover(older_than=datetime.timedelta(0)).still_pending == 1  # catalog still failing
    # Its next attempt is not due yet; forcing it settles it.
    assert orders_recover(older_than=datetime.timedelta(0)).examined == 0
    assert orders_recover(older_than=datetime.timedelta(0), ignore_backoff=True).confirmed == 1
    assert Order.objects.get(pk=order_id).recovery_attempts == 2


def test_the_service_token_is_obtained_once_and_reused(
    make_shopper: Callable[..., Shopper], catalog: Catalog, directory: Accounts, place: Place
) -> None:
    catalog.add("MUG-1", stock=10)
    for _ in range(3):
        place(make_shopper(), [("MUG-1", 1)])
    assert directory.tokens_issued == 1
    tokens = {r.headers["Authorization"] for r in catalog.reservation_posts()}
    assert len(tokens) == 1


def test_an_address_from_the_address_book_is_copied(
    shopper: Shopper, catalog: Catalog, directory: Accounts, place: Place
) -> None:
    catalog.add("MUG-1", stock=1)
    address_id = directory.add_address(shopper.id, city="Hamburg", postal_code="20095")
    response = place(shopper, [("MUG-1", 1)], shipping_address_id=address_id)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["shipping_address"]["city"] == "Hamburg"
    assert str(Order.objects.get(pk=body["id"]).shipping_address_id) == address_id


def test_someone_elses_address_is_a_400_and_records_nothing(
    shopper: Shopper, make_shopper: Callable[..., Shopper], catalog: Catalog, directory: Accounts, place: Place
) -> None:
    other = make_shopper()
    address_id = directory.add_address(other.id)
    response = place(shopper, [("MUG-1", 1)], shipping_address_id=address_id)
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "shipping_address_id"
    assert not Order.objects.exists()


def test_an_address_book_that_cannot_be_read_is_a_503_and_records_nothing(
    shopper: Shopper, catalog: Catalog, directory: Accounts, place: Place
) -> None:
    address_id = directory.add_address(shopper.id)
    directory.down = True
    response = place(shopper, [("MUG-1", 1)], shipping_address_id=address_id)
    assert response.status_code == 503
    assert response["Retry-After"]
    assert response.json()["errors"][0]["code"] == "downstream_unavailable"
    assert not Order.objects.exists()


def test_unexpected_answers_leave_the_order_pending(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    catalog.add("MUG-1", stock=1)
    catalog.fail(is_reservation_post, Answer.json({"surprise": True}, 201))
    assert place(shopper, [("MUG-1", 1)]).status_code == 202


def test_order_ids_are_uuids(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    catalog.add("MUG-1", stock=1)
    assert uuid.UUID(place(shopper, [("MUG-1", 1)]).json()["id"]).version == 4


# --- catalog 1.4.0: the hold and the sale in one call --------------------------------------------


def test_the_stock_is_held_and_sold_in_one_call_to_catalog(
    shopper: Shopper, catalog: Catalog, directory: Accounts, place: Place
) -> None:
    catalog.add("MUG-1", price="12.50", stock=5, name="Blue mug")
    response = place(shopper, [("MUG-1", 2)])
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["status"], body["total"], body["customer_email"]) == (
        "confirmed",
        "25.00",
        directory.users[shopper.id].email,
    )
    (post,) = catalog.reservation_posts()
    assert post.json()["commit"] is True
    assert not any(is_commit(received) for received in catalog.server.requests)
    assert (catalog.products["MUG-1"].on_hand, catalog.held()) == (3, 0)
    order = Order.objects.get(pk=body["id"])
    assert str(order.reservation_id) == next(iter(catalog.reservations))


def test_a_lost_answer_to_the_sale_is_recovered_without_selling_twice(
    shopper: Shopper, catalog: Catalog, place: Place
) -> None:
    catalog.add("MUG-1", price="5.00", stock=3)
    catalog.lose_answer_of = is_reservation_post
    catalog.fail(lambda r: is_reservation_post(r) and len(catalog.reservation_posts()) > 1, Answer(drop=True))
    body = place(shopper, [("MUG-1", 2)]).json()
    assert body["status"] == "pending"  # confirmed only once the sale is known
    assert catalog.products["MUG-1"].on_hand == 1  # catalog sold it; orders does not know yet
    assert orders_recover(older_than=datetime.timedelta(0)).confirmed == 1
    assert Order.objects.get(pk=body["id"]).status == OrderStatus.CONFIRMED
    assert len(catalog.reservations) == 1
    assert (catalog.products["MUG-1"].on_hand, catalog.held()) == (1, 0)


def test_a_hold_left_by_an_earlier_attempt_is_committed_by_the_next(
    shopper: Shopper, catalog: Catalog, place: Place
) -> None:
    # The first attempt reached a catalog that only held (before 1.4.0), and catalog was
    # upgraded meanwhile: migration 0010 (catalog 3.0.0) gave the key the fingerprint of the body
    # orders sends, commit included, and the hold as its answer. Recovery's repeat is replayed
    # that hold, and orders commits it rather than holding again.
    catalog.sells_on_create = False
    catalog.add("MUG-1", stock=3)
    catalog.fail(is_commit, Answer(503), times=2)
    body = place(shopper, [("MUG-1", 1)]).json()
    assert (body["status"], catalog.held()) == ("pending", 1)
    order = Order.objects.get(pk=body["id"])
    assert order.reservation_id is not None  # kept while pending
    sent = {
        "reference": str(order.id),
        "lines": [{"sku": "MUG-1", "quantity": 1}],
        "ttl_seconds": order.reservation_ttl_seconds,
        "commit": True,
    }
    catalog.execute(
        "UPDATE catalog_reservationkey SET fingerprint = %s WHERE key = %s",
        request_fingerprint(method="POST", path="/api/v1/reservations/", body=sent),
        reservation_key(order.id),
    )
    catalog.sells_on_create = True
    orders_recover(older_than=datetime.timedelta(0))
    assert Order.objects.get(pk=body["id"]).status == OrderStatus.CONFIRMED
    assert (catalog.products["MUG-1"].on_hand, catalog.held(), len(catalog.reservations)) == (2, 0, 1)


def test_an_attempt_whose_body_differs_from_the_first_is_refused_not_held_twice(
    shopper: Shopper, catalog: Catalog, place: Place
) -> None:
    # The same key with another body (here: the first without commit, the next with it) is
    # catalog's 422 idempotency_key_reused, as on every idempotent endpoint: a definite refusal,
    # never a second hold. The hold left behind expires.
    catalog.sells_on_create = False
    catalog.add("MUG-1", stock=3)
    catalog.fail(is_commit, Answer(503), times=2)
    body = place(shopper, [("MUG-1", 1)]).json()
    assert (body["status"], catalog.held()) == ("pending", 1)
    catalog.sells_on_create = True
    orders_recover(older_than=datetime.timedelta(0))
    order = Order.objects.get(pk=body["id"])
    assert (order.status, order.rejection_reason) == (OrderStatus.REJECTED, "reservation_refused")
    assert "idempotency_key_reused" in order.rejection_detail
    assert (catalog.held(), len(catalog.reservations)) == (1, 1)


def test_products_in_several_currencies_sold_in_one_call_are_returned(
    shopper: Shopper, catalog: Catalog, place: Place
) -> None:
    catalog.add("MUG-1", stock=1, currency="EUR")
    catalog.add("TEA-2", stock=1, currency="USD")
    body = place(shopper, [("MUG-1", 1), ("TEA-2", 1)]).json()
    assert body["rejection"]["reason"] == "mixed_currencies"
    assert [r.status for r in catalog.reservations.values()] == ["returned"]
    assert (catalog.products["MUG-1"].on_hand, catalog.products["TEA-2"].on_hand, catalog.held()) == (1, 1, 0)


def test_a_sale_in_several_currencies_whose_return_got_no_answer_is_finished_by_recovery(
    shopper: Shopper, catalog: Catalog, place: Place
) -> None:
    catalog.add("MUG-1", stock=1, currency="EUR")
    catalog.add("TEA-2", stock=1, currency="USD")
    catalog.fail(lambda r: r.path.endswith("/return/"), Answer(503), times=2)  # the try and its retry
    body = place(shopper, [("MUG-1", 1), ("TEA-2", 1)]).json()
    assert body["status"] == "pending"
    assert [r.status for r in catalog.reservations.values()] == ["committed"]
    orders_recover(older_than=datetime.timedelta(0))
    order = Order.objects.get(pk=body["id"])
    assert (order.status, order.rejection_reason) == (OrderStatus.REJECTED, "mixed_currencies")
    assert str(order.reservation_id) == next(iter(catalog.reservations))
    assert [r.status for r in catalog.reservations.values()] == ["returned"]
    assert catalog.products["MUG-1"].on_hand == 1
