"""The customer API: idempotency, what a customer may send, and reading and cancelling orders."""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from common.http import CircuitState, service_client
from devtools.testing.http_server import Answer
from devtools.testing.tokens import SigningKey, service_claims
from orders_service.orders.models import IdempotencyRecord, Order, OrderStatus
from tests.orders.conftest import ADDRESS, Shopper
from tests.orders.real_services import Accounts, Catalog

pytestmark = pytest.mark.django_db

Place = Callable[..., Any]


def errors(response: Any) -> list[dict[str, Any]]:
    body = response.json()
    assert set(body) == {"type", "errors"}, body
    return list(body["errors"])


# --- idempotency --------------------------------------------------------------------------------


def test_the_same_key_and_body_replays_the_first_response(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    catalog.add("MUG-1", stock=5)
    first = place(shopper, [("MUG-1", 1)], key="key-1")
    again = place(shopper, [("MUG-1", 1)], key="key-1")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert again["Location"] == first["Location"]
    assert Order.objects.count() == 1
    assert len(catalog.reservation_posts()) == 1


def test_a_replay_answers_the_first_status_even_after_the_order_moved_on(
    shopper: Shopper, catalog: Catalog, place: Place
) -> None:
    catalog.add("MUG-1", stock=5)
    catalog.fail(lambda r: r.path == "/api/v1/reservations/", Answer(503), times=2)
    first = place(shopper, [("MUG-1", 1)], key="key-1")
    assert first.status_code == 202
    again = place(shopper, [("MUG-1", 1)], key="key-1")
    assert (again.status_code, again.json()) == (202, first.json())


def test_a_replay_is_answered_while_catalogs_circuit_is_open(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    # The key's claim comes before the fail-fast check of the circuits: a repeat of an answered
    # request gets its answer, not a 503.
    catalog.add("MUG-1", stock=5)
    first = place(shopper, [("MUG-1", 1)], key="key-1")
    for _ in range(3):  # the breaker opens after 3 failures in a row in the tests' settings
        service_client("catalog").breaker.record(success=False, trial=False)
    assert service_client("catalog").breaker.state is CircuitState.OPEN
    again = place(shopper, [("MUG-1", 1)], key="key-1")
    assert (again.status_code, again.json()) == (201, first.json())
    assert again["Idempotent-Replayed"] == "true"
    assert place(shopper, [("MUG-1", 1)], key="key-2").status_code == 503  # a new key still fails fast


def test_a_replay_with_an_address_from_the_address_book_does_not_need_accounts(
    shopper: Shopper, catalog: Catalog, directory: Accounts, place: Place
) -> None:
    # Reading the address comes before the key's claim, so the key is looked up first.
    catalog.add("MUG-1", stock=5)
    address_id = directory.add_address(shopper.id)
    first = place(shopper, [("MUG-1", 1)], key="key-1", shipping_address_id=address_id)
    directory.down = True
    again = place(shopper, [("MUG-1", 1)], key="key-1", shipping_address_id=address_id)
    assert (again.status_code, again.json()) == (201, first.json())


def test_the_answer_is_stored_in_the_transaction_that_confirms_the_order(
    shopper: Shopper, catalog: Catalog, place: Place
) -> None:
    catalog.add("MUG-1", stock=5)
    with CaptureQueriesContext(connection) as queries:
        response = place(shopper, [("MUG-1", 1)], key="key-1")
    sql = [query["sql"] for query in queries.captured_queries]
    # The order's confirming UPDATE and the key's completion are one statement (with the history
    # and the lines priced), the last of the confirming transaction.
    completed = [i for i, q in enumerate(sql) if 'UPDATE "orders_idempotencyrecord"' in q]
    assert len(completed) == 1, sql
    statement = sql[completed[0]]
    assert statement.startswith("WITH ")
    assert 'UPDATE "orders_order" SET "status" = \'confirmed\'' in statement
    assert sql[completed[0] + 1].startswith("RELEASE SAVEPOINT")  # then the confirming transaction ends
    record = IdempotencyRecord.objects.get()
    assert (record.state, record.response_status, record.response_body) == ("completed", 201, response.json())
    # No look-up of the key before its claim: the first query of the request claims it.
    assert sql[1].startswith('INSERT INTO "orders_idempotencyrecord"')
    assert "ON CONFLICT" in sql[1]


def test_the_same_key_with_another_body_is_422(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    catalog.add("MUG-1", stock=5)
    place(shopper, [("MUG-1", 1)], key="key-1")
    response = place(shopper, [("MUG-1", 2)], key="key-1")
    assert response.status_code == 422
    assert errors(response)[0]["code"] == "idempotency_key_reused"
    assert Order.objects.count() == 1


def test_key_order_and_spacing_do_not_make_another_request(shopper: Shopper, catalog: Catalog) -> None:
    catalog.add("MUG-1", stock=5)
    headers = {"Idempotency-Key": "key-1"}
    one = json.dumps({"lines": [{"sku": "MUG-1", "quantity": 1}], "shipping_address": ADDRESS}, indent=2)
    two = json.dumps(
        {"shipping_address": dict(reversed(ADDRESS.items())), "lines": [{"quantity": 1, "sku": "MUG-1"}]},
        separators=(",", ":"),
    )
    first = shopper.client.post("/api/v1/orders/", one, content_type="application/json", headers=headers)
    second = shopper.client.post("/api/v1/orders/", two, content_type="application/json", headers=headers)
    assert second.json() == first.json()


def test_keys_are_per_customer(make_shopper: Callable[..., Shopper], catalog: Catalog, place: Place) -> None:
    catalog.add("MUG-1", stock=5)
    one, two = make_shopper(), make_shopper()
    assert place(one, [("MUG-1", 1)], key="same").json()["customer_id"] == one.id
    assert place(two, [("MUG-1", 1)], key="same").json()["customer_id"] == two.id


def test_a_request_still_in_flight_is_409(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    catalog.add("MUG-1", stock=5)
    first = place(shopper, [("MUG-1", 1)], key="key-1")
    # As if the first request were still running.
    IdempotencyRecord.objects.update(state="in_flight", locked_until=timezone.now() + datetime.timedelta(minutes=1))
    response = place(shopper, [("MUG-1", 1)], key="key-1")
    assert response.status_code == 409
    assert response["Retry-After"] == "1"
    assert errors(response)[0]["code"] == "idempotency_request_in_flight"
    assert first.status_code == 201


def test_a_key_whose_request_died_answers_with_the_order_as_it_is(
    shopper: Shopper, catalog: Catalog, place: Place
) -> None:
    catalog.add("MUG-1", stock=5)
    first = place(shopper, [("MUG-1", 1)], key="key-1")
    IdempotencyRecord.objects.update(
        state="in_flight", response_status=None, locked_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    again = place(shopper, [("MUG-1", 1)], key="key-1")
    assert (again.status_code, again.json()["id"]) == (201, first.json()["id"])
    assert IdempotencyRecord.objects.get().state == "completed"


def test_an_expired_key_can_be_used_afresh(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    catalog.add("MUG-1", stock=5)
    place(shopper, [("MUG-1", 1)], key="key-1")
    record = IdempotencyRecord.objects.get()
    assert record.expires_at - record.created_at >= datetime.timedelta(hours=24)
    IdempotencyRecord.objects.update(expires_at=timezone.now())
    assert place(shopper, [("MUG-1", 2)], key="key-1").status_code == 201
    assert Order.objects.count() == 2


@pytest.mark.parametrize("key", [None, "", "has space", "x" * 256, "caf\u00e9"])
def test_a_missing_or_malformed_key_is_400(shopper: Shopper, catalog: Catalog, key: str | None) -> None:
    headers = {} if key is None else {"Idempotency-Key": key}
    body = {"lines": [{"sku": "MUG-1", "quantity": 1}], "shipping_address": ADDRESS}
    response = shopper.client.post("/api/v1/orders/", body, format="json", headers=headers)
    assert response.status_code == 400
    assert errors(response)[0]["attr"] == "Idempotency-Key"
    assert not Order.objects.exists()


# --- what a customer may send -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "attr"),
    [
        ({"status": "confirmed"}, "status"),
        ({"total": "0.01"}, "total"),
        ({"customer_id": str(uuid.uuid4())}, "customer_id"),
        ({"currency": "USD"}, "currency"),
    ],
)
def test_fields_a_customer_may_not_set_are_refused(
    shopper: Shopper, catalog: Catalog, place: Place, extra: dict[str, str], attr: str
) -> None:
    catalog.add("MUG-1", stock=5)
    response = place(shopper, [("MUG-1", 1)], **extra)
    assert response.status_code == 400
    assert [(e["code"], e["attr"]) for e in errors(response)] == [("not_allowed", attr)]
    assert not Order.objects.exists()


def test_a_price_on_a_line_is_refused(shopper: Shopper, catalog: Catalog) -> None:
    body = {"lines": [{"sku": "MUG-1", "quantity": 1, "unit_price": "0.01"}], "shipping_address": ADDRESS}
    response = shopper.client.post("/api/v1/orders/", body, format="json", headers={"Idempotency-Key": "k"})
    assert response.status_code == 400
    assert errors(response)[0]["attr"] == "lines.0.unit_price"


@pytest.mark.parametrize(
    ("body", "attr"),
    [
        ({"lines": []}, "lines"),
        ({"lines": [{"sku": "MUG-1", "quantity": 0}]}, "lines.0.quantity"),
        ({"lines": [{"sku": "MUG-1", "quantity": 10**30}]}, "lines.0.quantity"),
        ({"lines": [{"sku": "MUG-1", "quantity": "many"}]}, "lines.0.quantity"),
        ({"lines": [{"sku": "bad sku!", "quantity": 1}]}, "lines.0.sku"),
        ({"lines": [{"sku": "MUG\u0000", "quantity": 1}]}, "lines.0.sku"),
        ({"lines": [{"sku": "MUG-1", "quantity": 1}, {"sku": "MUG-1", "quantity": 2}]}, "lines"),
        ({"lines": "MUG-1"}, "lines"),
        (
            {"lines": [{"sku": "MUG-1", "quantity": 1}], "shipping_address": {**ADDRESS, "country": "Germany"}},
            "shipping_address.country",
        ),
        (
            {"lines": [{"sku": "MUG-1", "quantity": 1}], "shipping_address": {**ADDRESS, "city": "x" * 101}},
            "shipping_address.city",
        ),
        ({"lines": [{"sku": "MUG-1", "quantity": 1}], "shipping_address_id": "not-a-uuid"}, "shipping_address_id"),
    ],
)
def test_bad_input_is_400_naming_the_field(shopper: Shopper, body: dict[str, Any], attr: str) -> None:
    body.setdefault("shipping_address", ADDRESS) if "shipping_address_id" not in body else None
    response = shopper.client.post("/api/v1/orders/", body, format="json", headers={"Idempotency-Key": "k"})
    assert response.status_code == 400, response.content
    assert attr in [e["attr"] for e in errors(response)]


def test_exactly_one_address_is_required(shopper: Shopper) -> None:
    lines = [{"sku": "MUG-1", "quantity": 1}]
    for body in (
        {"lines": lines},
        {"lines": lines, "shipping_address": ADDRESS, "shipping_address_id": str(uuid.uuid4())},
    ):
        response = shopper.client.post("/api/v1/orders/", body, format="json", headers={"Idempotency-Key": "k"})
        assert response.status_code == 400
        assert errors(response)[0]["code"] == "shipping_address_required"


def test_malformed_json_is_400(shopper: Shopper) -> None:
    response = shopper.client.post(
        "/api/v1/orders/", "{nope", content_type="application/json", headers={"Idempotency-Key": "k"}
    )
    assert response.status_code == 400


def test_a_service_token_cannot_place_orders(signing_key: SigningKey) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {signing_key.sign(service_claims('catalog'))}")
    assert client.get("/api/v1/orders/").status_code == 403


def test_anonymous_is_401() -> None:
    assert APIClient().get("/api/v1/orders/").status_code == 401


# --- reading ------------------------------------------------------------------------------------


def test_a_customer_sees_only_their_own_orders(
    make_shopper: Callable[..., Shopper], catalog: Catalog, place: Place
) -> None:
    catalog.add("MUG-1", stock=50)
    one, two = make_shopper(), make_shopper()
    mine = place(one, [("MUG-1", 1)]).json()["id"]
    theirs = place(two, [("MUG-1", 1)]).json()["id"]
    assert [o["id"] for o in one.client.get("/api/v1/orders/").json()["results"]] == [mine]
    assert one.client.get(f"/api/v1/orders/{mine}/").status_code == 200
    response = one.client.get(f"/api/v1/orders/{theirs}/")
    assert response.status_code == 404
    assert one.client.post(f"/api/v1/orders/{theirs}/cancel/").status_code == 404
    assert one.client.get(f"/api/v1/orders/{uuid.uuid4()}/").status_code == 404


def test_list_filters_by_status_and_date(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    catalog.add("MUG-1", stock=1)
    confirmed = place(shopper, [("MUG-1", 1)]).json()["id"]
    rejected = place(shopper, [("MUG-1", 1)]).json()["id"]
    Order.objects.filter(pk=rejected).update(created_at=timezone.now() - datetime.timedelta(days=3))

    def ids(**params: str) -> list[str]:
        response = shopper.client.get("/api/v1/orders/", params)
        assert response.status_code == 200, response.content
        return [o["id"] for o in response.json()["results"]]

    assert ids() == [confirmed, rejected]
    assert ids(status="rejected") == [rejected]
    yesterday = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert ids(created_after=yesterday) == [confirmed]
    assert ids(created_before=yesterday) == [rejected]
    assert shopper.client.get("/api/v1/orders/", {"status": "lost"}).status_code == 400
    assert shopper.client.get("/api/v1/orders/", {"created_after": "yesterday"}).status_code == 400


def _orders_of(shopper: Shopper, count: int) -> None:
    for index in range(count):
        order = Order.objects.create(
            customer_id=shopper.id, shipping_address=ADDRESS, units=2, reservation_ttl_seconds=600
        )
        order.lines.create(sku=f"SKU-{index}", quantity=1)
        order.lines.create(sku=f"SKU-{index}-B", quantity=1)


def test_list_queries_do_not_grow_with_the_page(shopper: Shopper, django_assert_num_queries: Any) -> None:
    _orders_of(shopper, 30)
    # The page of orders and one query for all their lines.
    with django_assert_num_queries(2):
        small = shopper.client.get("/api/v1/orders/", {"page_size": 2})
    with django_assert_num_queries(2):
        large = shopper.client.get("/api/v1/orders/", {"page_size": 30})
    assert (len(small.json()["results"]), len(large.json()["results"])) == (2, 30)
    assert len(large.json()["results"][0]["lines"]) == 2


def test_detail_is_two_queries(shopper: Shopper, django_assert_num_queries: Any) -> None:
    _orders_of(shopper, 1)
    order = Order.objects.get()
    with django_assert_num_queries(2):
        assert shopper.client.get(f"/api/v1/orders/{order.pk}/").status_code == 200


# --- cancelling ---------------------------------------------------------------------------------


def test_cancelling_a_confirmed_order_returns_its_stock(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    catalog.add("MUG-1", stock=5)
    order_id = place(shopper, [("MUG-1", 2)]).json()["id"]
    assert catalog.products["MUG-1"].on_hand == 3
    response = shopper.client.post(f"/api/v1/orders/{order_id}/cancel/")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "cancelled"
    assert catalog.products["MUG-1"].on_hand == 5
    # Again: unchanged.
    assert shopper.client.post(f"/api/v1/orders/{order_id}/cancel/").json()["status"] == "cancelled"


def test_only_a_confirmed_order_can_be_cancelled(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    order_id = place(shopper, [("NOPE", 1)]).json()["id"]
    response = shopper.client.post(f"/api/v1/orders/{order_id}/cancel/")
    assert response.status_code == 409
    assert errors(response)[0]["code"] == "order_state_conflict"


def test_a_cancel_catalog_cannot_answer_is_202_and_the_order_stays_cancelling(
    shopper: Shopper, catalog: Catalog, place: Place
) -> None:
    catalog.add("MUG-1", stock=5)
    order_id = place(shopper, [("MUG-1", 2)]).json()["id"]
    catalog.fail(lambda r: r.path.endswith("/return/"), Answer(503), times=2)
    response = shopper.client.post(f"/api/v1/orders/{order_id}/cancel/")
    # Recorded and owed, not "nothing changed": catalog may yet act on what it received.
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "cancelling"
    assert Order.objects.get(pk=order_id).status == OrderStatus.CANCELLING
