from __future__ import annotations

import datetime
import io
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from catalog_service.catalog.api.serializers.reservations import ReservationSerializer, reservation_data
from catalog_service.catalog.models import Product, Reservation, ReservationKey, StockLevel, StockMovement
from catalog_service.catalog.services.reservations import reservations_expire
from tests.catalog.helpers import errors

pytestmark = pytest.mark.django_db

URL = "/api/v1/reservations/"


def reserve(client: APIClient, lines: list[dict[str, Any]], *, key: str | None = None, **extra: Any) -> Any:
    body = {"reference": "order-1", "lines": lines, **extra}
    return client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY=key or str(uuid.uuid4()))


def level(sku: str) -> tuple[int, int]:
    stock = StockLevel.objects.get(product__sku=sku)
    return stock.on_hand, stock.reserved


@pytest.fixture
def stocked(make_product: Callable[..., Product]) -> None:
    make_product("A", price="10.00", stock=10)
    make_product("B", price="2.50", currency="EUR", stock=3)
    make_product("C", stock=0)


def test_create_holds_every_line_with_prices(orders_client: APIClient, stocked: None) -> None:
    response = reserve(orders_client, [{"sku": "A", "quantity": 4}, {"sku": "B", "quantity": 3}], ttl_seconds=60)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "held"
    assert body["reference"] == "order-1"
    names = dict(Product.objects.values_list("sku", "name"))
    assert body["lines"] == [
        {"sku": "A", "name": names["A"], "quantity": 4, "unit_price": "10.00", "currency": "EUR"},
        {"sku": "B", "name": names["B"], "quantity": 3, "unit_price": "2.50", "currency": "EUR"},
    ]
    expires = datetime.datetime.fromisoformat(body["expires_at"])
    assert 50 < (expires - timezone.now()).total_seconds() <= 60
    assert response["Location"] == f"/api/v1/reservations/{body['id']}/"
    assert level("A") == (10, 4)
    assert level("B") == (3, 3)
    held = StockMovement.objects.filter(reference=body["id"], reason="reservation_held")
    assert sorted(held.values_list("delta_reserved", "actor")) == [(3, "service:orders"), (4, "service:orders")]


@pytest.mark.parametrize("commit", [False, True], ids=["hold", "hold-and-sell"])
def test_the_answer_is_the_serializers(
    orders_client: APIClient, make_product: Callable[..., Product], commit: bool
) -> None:
    # A new reservation and its replay are answered by reservation_data, not ReservationSerializer,
    # which still documents them: the same JSON, key order included.
    make_product("MAX", price="99999999.99", stock=5, name='Zoë \u2028 "Q"')
    make_product("FREE", price="0.00", stock=5)
    lines = [{"sku": "MAX", "quantity": 2}, {"sku": "FREE", "quantity": 1}]
    first = reserve(orders_client, lines, key="k-1", commit=commit)
    again = reserve(orders_client, lines, key="k-1", commit=commit)
    assert (first.status_code, again.status_code) == (201, 201)
    expected = ReservationSerializer(Reservation.objects.prefetch_related("lines").get()).data
    assert first.json() == again.json() == expected
    # The replay is the stored answer (a jsonb column, which keeps no key order): key order is
    # pinned for the first answer.
    assert list(first.json()) == list(expected)
    assert [list(line) for line in first.json()["lines"]] == [list(line) for line in expected["lines"]]
    # Times written in another zone are answered in UTC, as the serializer answers them.
    reservation = Reservation.objects.prefetch_related("lines").get()
    reservation.expires_at = datetime.datetime(
        2026, 1, 2, 3, 4, 5, 678, tzinfo=datetime.timezone(datetime.timedelta(hours=5))
    )
    assert reservation_data(reservation) == ReservationSerializer(reservation).data


def test_lines_keep_the_name_and_price_they_were_reserved_with(orders_client: APIClient, stocked: None) -> None:
    created = reserve(orders_client, [{"sku": "A", "quantity": 1}]).json()
    Product.objects.filter(sku="A").update(name="Renamed", price="99.00")
    line = orders_client.get(f"{URL}{created['id']}/").json()["lines"][0]
    assert line["name"] == created["lines"][0]["name"] != "Renamed"
    assert line["unit_price"] == "10.00"


def test_a_shortage_holds_nothing_and_names_every_short_sku(orders_client: APIClient, stocked: None) -> None:
    response = reserve(
        orders_client,
        [{"sku": "A", "quantity": 2}, {"sku": "B", "quantity": 5}, {"sku": "C", "quantity": 1}],
    )
    assert response.status_code == 409
    assert response.json() == {
        "type": "client_error",
        "errors": [
            {
                "code": "insufficient_stock",
                "detail": "5 of B requested, 3 available.",
                "attr": "lines.1.quantity",
                "sku": "B",
                "requested": 5,
                "available": 3,
            },
            {
                "code": "insufficient_stock",
                "detail": "1 of C requested, 0 available.",
                "attr": "lines.2.quantity",
                "sku": "C",
                "requested": 1,
                "available": 0,
            },
        ],
    }
    assert level("A") == (10, 0)
    assert not Reservation.objects.exists()
    assert not StockMovement.objects.filter(reason="reservation_held").exists()


def test_unknown_or_inactive_skus_are_422_naming_them(
    orders_client: APIClient, stocked: None, make_product: Callable[..., Product]
) -> None:
    make_product("OFF", stock=5, is_active=False)
    response = reserve(
        orders_client,
        [{"sku": "A", "quantity": 1}, {"sku": "NOPE", "quantity": 1}, {"sku": "OFF", "quantity": 1}],
    )
    assert response.status_code == 422
    assert [(e["code"], e["attr"], e["sku"]) for e in errors(response)] == [
        ("unknown_sku", "lines.1.sku", "NOPE"),
        ("unknown_sku", "lines.2.sku", "OFF"),
    ]
    assert level("A") == (10, 0)
    assert not Reservation.objects.exists()


def test_idempotency_key_is_required_and_bounded(orders_client: APIClient, stocked: None) -> None:
    body = {"reference": "r", "lines": [{"sku": "A", "quantity": 1}]}
    missing = orders_client.post(URL, body, format="json")
    assert missing.status_code == 400
    assert errors(missing)[0] | {"detail": ""} == {"code": "required", "attr": "Idempotency-Key", "detail": ""}
    for bad in ("x" * 256, "has space", "tab\there", "é"):
        response = orders_client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY=bad)
        assert response.status_code == 400, bad
        assert errors(response)[0]["attr"] == "Idempotency-Key"


def test_same_key_same_body_replays_the_first_answer(orders_client: APIClient, stocked: None) -> None:
    # common/idempotency.py's replay, as every idempotent endpoint answers it: the first status,
    # body and headers, marked Idempotent-Replayed.
    lines = [{"sku": "A", "quantity": 2}]
    first = reserve(orders_client, lines, key="order-1-attempt")
    again = reserve(orders_client, lines, key="order-1-attempt")
    assert (first.status_code, again.status_code) == (201, 201)
    assert "Idempotent-Replayed" not in first
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert again["Location"] == first["Location"] == f"{URL}{first.json()['id']}/"
    assert level("A") == (10, 2)
    assert Reservation.objects.count() == ReservationKey.objects.count() == 1
    # The same request is the same JSON body: a default given explicitly is another body.
    explicit = reserve(orders_client, lines, key="order-1-attempt", ttl_seconds=900)
    assert explicit.status_code == 422
    assert errors(explicit)[0]["code"] == "idempotency_key_reused"


def test_a_replay_is_the_first_answer_not_the_reservation_now(
    orders_client: APIClient, make_product: Callable[..., Product], stocked: None
) -> None:
    lines = [{"sku": "A", "quantity": 2}]
    first = reserve(orders_client, lines, key="k-then").json()
    assert orders_client.post(f"{URL}{first['id']}/commit/").json()["status"] == "committed"
    # Even once its product is no longer sold: the key's answer, not the request evaluated again.
    Product.objects.filter(sku="A").update(is_active=False)
    again = reserve(orders_client, lines, key="k-then")
    assert (again.status_code, again["Idempotent-Replayed"], again.json()) == (201, "true", first)
    assert orders_client.get(f"{URL}{first['id']}/").json()["status"] == "committed"


def test_same_key_different_body_is_422(orders_client: APIClient, stocked: None) -> None:
    assert reserve(orders_client, [{"sku": "A", "quantity": 2}], key="k-1").status_code == 201
    response = reserve(orders_client, [{"sku": "A", "quantity": 3}], key="k-1")
    assert response.status_code == 422
    # common/idempotency.py's error, as every idempotent endpoint answers it.
    assert response.json() == {
        "type": "client_error",
        "errors": [
            {
                "code": "idempotency_key_reused",
                "detail": "This Idempotency-Key was already used with a different request.",
                "attr": None,
            }
        ],
    }
    assert level("A") == (10, 2)


def test_keys_are_per_caller(service_client: Callable[..., APIClient], stocked: None) -> None:
    lines = [{"sku": "A", "quantity": 1}]
    first = reserve(service_client(name="orders"), lines, key="shared")
    other = reserve(service_client(name="returns"), lines, key="shared")
    assert (first.status_code, other.status_code) == (201, 201)
    assert first.json()["id"] != other.json()["id"]
    # And a caller does not see another's reservation.
    assert service_client(name="returns").get(f"{URL}{first.json()['id']}/").status_code == 404


def test_a_refused_request_can_be_retried_with_its_key(
    orders_client: APIClient, staff_client: APIClient, stocked: None
) -> None:
    assert reserve(orders_client, [{"sku": "C", "quantity": 1}], key="retry").status_code == 409
    staff_client.post("/api/v1/products/C/stock-adjustments/", {"mode": "add", "quantity": 1, "reason": "restock"})
    assert reserve(orders_client, [{"sku": "C", "quantity": 1}], key="retry").status_code == 201


def test_commit_sells_and_is_idempotent(orders_client: APIClient, stocked: None) -> None:
    created = reserve(orders_client, [{"sku": "A", "quantity": 4}]).json()
    commit = f"{URL}{created['id']}/commit/"
    first = orders_client.post(commit)
    assert first.status_code == 200
    assert first.json()["status"] == "committed"
    assert level("A") == (6, 0)
    again = orders_client.post(commit)
    assert again.status_code == 200
    assert again.json()["status"] == "committed"
    assert level("A") == (6, 0)
    assert StockMovement.objects.filter(reference=created["id"], reason="reservation_committed").count() == 1


def test_create_with_commit_sells_in_one_call(orders_client: APIClient, stocked: None) -> None:
    response = reserve(orders_client, [{"sku": "A", "quantity": 4}, {"sku": "B", "quantity": 1}], commit=True)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "committed"
    assert [line["unit_price"] for line in body["lines"]] == ["10.00", "2.50"]
    assert level("A") == (6, 0)
    assert level("B") == (2, 0)
    # The same movements as a hold committed later: held, then committed.
    movements = StockMovement.objects.filter(reference=body["id"]).order_by("id")
    assert [(m.reason, m.delta_on_hand, m.delta_reserved) for m in movements if m.product.sku == "A"] == [
        ("reservation_held", 0, 4),
        ("reservation_committed", -4, -4),
    ]
    # Returned like any sale.
    assert orders_client.post(f"{URL}{body['id']}/return/").json()["status"] == "returned"
    assert level("A") == (10, 0)


def test_create_with_commit_replays_the_sale_once(orders_client: APIClient, stocked: None) -> None:
    first = reserve(orders_client, [{"sku": "B", "quantity": 2}], key="k-sale", commit=True)
    again = reserve(orders_client, [{"sku": "B", "quantity": 2}], key="k-sale", commit=True)
    assert (again.status_code, again["Idempotent-Replayed"]) == (201, "true")
    assert again.json() == first.json()
    assert again.json()["status"] == "committed"
    assert level("B") == (1, 0)
    # A plain hold under the key is another request.
    plain = reserve(orders_client, [{"sku": "B", "quantity": 2}], key="k-sale")
    assert (plain.status_code, errors(plain)[0]["code"]) == (422, "idempotency_key_reused")


def test_a_hold_repeated_with_commit_is_another_request(orders_client: APIClient, stocked: None) -> None:
    # Before common/idempotency.py served reservations, ``commit`` was left out of the request's
    # fingerprint and such a repeat committed the hold; now the body is the request, as on
    # every idempotent endpoint. The hold is committed by its own endpoint.
    held = reserve(orders_client, [{"sku": "A", "quantity": 3}], key="k-hold").json()
    sold = reserve(orders_client, [{"sku": "A", "quantity": 3}], key="k-hold", commit=True)
    assert (sold.status_code, errors(sold)[0]["code"]) == (422, "idempotency_key_reused")
    assert level("A") == (10, 3)
    assert Reservation.objects.get().status == "held" == held["status"]


def test_create_with_commit_and_a_shortage_sells_nothing(orders_client: APIClient, stocked: None) -> None:
    response = reserve(orders_client, [{"sku": "A", "quantity": 1}, {"sku": "C", "quantity": 1}], commit=True)
    assert response.status_code == 409
    assert level("A") == (10, 0)
    assert not Reservation.objects.exists()


def test_release_frees_and_is_idempotent(orders_client: APIClient, stocked: None) -> None:
    created = reserve(orders_client, [{"sku": "A", "quantity": 4}, {"sku": "B", "quantity": 1}]).json()
    release = f"{URL}{created['id']}/release/"
    assert orders_client.post(release).json()["status"] == "released"
    assert orders_client.post(release).json()["status"] == "released"
    assert level("A") == (10, 0)
    assert level("B") == (3, 0)
    commit = orders_client.post(f"{URL}{created['id']}/commit/")
    assert commit.status_code == 409
    assert errors(commit)[0]["code"] == "reservation_state_conflict"


def test_return_puts_committed_stock_back(orders_client: APIClient, stocked: None) -> None:
    created = reserve(orders_client, [{"sku": "B", "quantity": 2}]).json()
    early = orders_client.post(f"{URL}{created['id']}/return/")
    assert early.status_code == 409
    orders_client.post(f"{URL}{created['id']}/commit/")
    assert level("B") == (1, 0)
    returned = orders_client.post(f"{URL}{created['id']}/return/")
    assert returned.json()["status"] == "returned"
    assert orders_client.post(f"{URL}{created['id']}/return/").status_code == 200
    assert level("B") == (3, 0)
    release = orders_client.post(f"{URL}{created['id']}/release/")
    assert release.status_code == 409
    assert orders_client.post(f"{URL}{created['id']}/commit/").status_code == 409


def test_release_after_commit_is_a_conflict(orders_client: APIClient, stocked: None) -> None:
    created = reserve(orders_client, [{"sku": "A", "quantity": 1}]).json()
    orders_client.post(f"{URL}{created['id']}/commit/")
    response = orders_client.post(f"{URL}{created['id']}/release/")
    assert response.status_code == 409
    assert errors(response)[0] == {
        "code": "reservation_state_conflict",
        "detail": "The reservation is committed and cannot be released.",
        "attr": None,
    }


def test_expiry_job_releases_lapsed_holds(orders_client: APIClient, stocked: None) -> None:
    lapsed = reserve(orders_client, [{"sku": "A", "quantity": 3}, {"sku": "B", "quantity": 1}], ttl_seconds=10).json()
    current = reserve(orders_client, [{"sku": "A", "quantity": 2}], ttl_seconds=3600).json()
    committed = reserve(orders_client, [{"sku": "A", "quantity": 1}], ttl_seconds=10).json()
    orders_client.post(f"{URL}{committed['id']}/commit/")
    assert level("A") == (9, 5)

    later = timezone.now() + datetime.timedelta(seconds=60)
    assert reservations_expire(now=later, batch_size=1) == 1
    assert reservations_expire(now=later) == 0
    assert Reservation.objects.get(pk=lapsed["id"]).status == "expired"
    assert Reservation.objects.get(pk=current["id"]).status == "held"
    assert level("A") == (9, 2)
    assert level("B") == (3, 0)
    assert (
        StockMovement.objects.filter(
            reference=lapsed["id"], reason="reservation_expired", actor="system:expire_reservations"
        ).count()
        == 2
    )

    # Expired: commit is refused, release answers it unchanged.
    commit = orders_client.post(f"{URL}{lapsed['id']}/commit/")
    assert commit.status_code == 409
    assert errors(commit)[0]["code"] == "reservation_expired"
    release = orders_client.post(f"{URL}{lapsed['id']}/release/")
    assert (release.status_code, release.json()["status"]) == (200, "expired")


def test_a_hold_past_its_deadline_cannot_be_committed_even_before_the_job(
    orders_client: APIClient, stocked: None
) -> None:
    created = reserve(orders_client, [{"sku": "A", "quantity": 3}], ttl_seconds=10).json()
    Reservation.objects.filter(pk=created["id"]).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = orders_client.post(f"{URL}{created['id']}/commit/")
    assert response.status_code == 409
    assert errors(response)[0]["code"] == "reservation_expired"
    assert Reservation.objects.get(pk=created["id"]).status == "expired"
    assert level("A") == (10, 0)


def test_expire_command(orders_client: APIClient, stocked: None) -> None:
    created = reserve(orders_client, [{"sku": "A", "quantity": 3}], ttl_seconds=10).json()
    Reservation.objects.filter(pk=created["id"]).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    out = io.StringIO()
    call_command("expire_reservations", stdout=out)
    assert out.getvalue().strip() == "expired 1 reservation(s)"
    assert level("A") == (10, 0)


def test_retrieve(
    orders_client: APIClient,
    staff_client: APIClient,
    customer_client: APIClient,
    stocked: None,
    django_assert_num_queries: Any,
) -> None:
    created = reserve(orders_client, [{"sku": "A", "quantity": 1}, {"sku": "B", "quantity": 1}]).json()
    with django_assert_num_queries(2):  # the reservation, its lines
        response = orders_client.get(f"{URL}{created['id']}/")
    assert response.json() == created
    assert staff_client.get(f"{URL}{created['id']}/").status_code == 200
    assert customer_client.get(f"{URL}{created['id']}/").status_code == 403
    assert orders_client.get(f"{URL}{uuid.uuid4()}/").status_code == 404
    assert orders_client.post(f"{URL}{uuid.uuid4()}/commit/").status_code == 404
    assert orders_client.get(f"{URL}not-a-uuid/").status_code == 404


def test_reservations_need_the_scope(
    service_client: Callable[..., APIClient], staff_client: APIClient, anonymous_client: APIClient, stocked: None
) -> None:
    lines = [{"sku": "A", "quantity": 1}]
    assert reserve(anonymous_client, lines).status_code == 401
    assert reserve(service_client(scopes=("accounts.users:read",)), lines).status_code == 403
    assert reserve(staff_client, lines).status_code == 403
    created = reserve(service_client(), lines).json()
    assert staff_client.post(f"{URL}{created['id']}/commit/").status_code == 403


@pytest.mark.parametrize(
    ("body", "attr"),
    [
        ({"reference": "r", "lines": []}, "lines"),
        ({"reference": "r", "lines": [{"sku": "A", "quantity": 0}]}, "lines.0.quantity"),
        ({"reference": "r", "lines": [{"sku": "A", "quantity": -1}]}, "lines.0.quantity"),
        ({"reference": "r", "lines": [{"sku": "A", "quantity": 10**30}]}, "lines.0.quantity"),
        ({"reference": "r", "lines": [{"sku": "A", "quantity": "1e3"}]}, "lines.0.quantity"),
        ({"reference": "r", "lines": [{"sku": "A b", "quantity": 1}]}, "lines.0.sku"),
        ({"reference": "r", "lines": [{"sku": "A", "quantity": 1}, {"sku": "A", "quantity": 1}]}, "lines"),
        ({"reference": "r", "lines": [{"sku": "A", "quantity": 1}] * 101}, "lines"),
        ({"reference": "r", "lines": "A"}, "lines"),
        ({"reference": "r", "lines": [{"sku": "A", "quantity": 1}], "ttl_seconds": 0}, "ttl_seconds"),
        ({"reference": "r", "lines": [{"sku": "A", "quantity": 1}], "ttl_seconds": 10**9}, "ttl_seconds"),
        ({"reference": "r", "lines": [{"sku": "A", "quantity": 1}], "commit": "maybe"}, "commit"),
        ({"reference": "x" * 201, "lines": [{"sku": "A", "quantity": 1}]}, "reference"),
        ({"reference": "a\u0000b", "lines": [{"sku": "A", "quantity": 1}]}, "reference"),
        ({"lines": [{"sku": "A", "quantity": 1}]}, "reference"),
    ],
)
def test_create_validation(orders_client: APIClient, stocked: None, body: dict[str, Any], attr: str) -> None:
    response = orders_client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="k")
    assert response.status_code == 400, response.content
    assert errors(response)[0]["attr"] == attr
    assert level("A") == (10, 0)


def test_query_counts_do_not_grow_with_the_lines(
    orders_client: APIClient, make_product: Callable[..., Product], django_assert_max_num_queries: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for number in range(10):
        make_product(f"L-{number}", stock=10)
    counts = {}
    for size in (1, 10):
        lines = [{"sku": f"L-{number}", "quantity": 1} for number in range(size)]
        with CaptureQueriesContext(connection) as create:
            created = reserve(orders_client, lines)
        with CaptureQueriesContext(connection) as commit:
            orders_client.post(f"{URL}{created.json()['id']}/commit/")
        counts[size] = (len(create.captured_queries), len(commit.captured_queries))
    assert counts[1] == counts[10], counts


# One transaction: the reservation inserted, the products read, the Idempotency-Key claimed with
# the answer (common/idempotency.py: no look-up of the key before, the claim's INSERT meets a used
# key), the products' stock locked and changed, the movements and the lines inserted by one
# statement (savepoints count: the test runs in a transaction); the answer is the reservation as
# saved, not read back. 9 when the movements and the lines were two INSERTs.
CREATE_QUERIES = 8
# A replay: the same transaction up to the claim, which meets the key and reads its answer, then
# is rolled back (to its savepoint, then released); the reservation is not read.
REPLAY_QUERIES = 7


@pytest.mark.parametrize("commit", [False, True], ids=["hold", "hold-and-sell"])
def test_creating_a_reservation_runs_a_fixed_number_of_queries_sold_or_not(
    orders_client: APIClient, make_product: Callable[..., Product], commit: bool
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for number in range(10):
        make_product(f"L-{number}", stock=10)
    counts = []
    for size in (1, 10):
        lines = [{"sku": f"L-{number}", "quantity": 1} for number in range(size)]
        with CaptureQueriesContext(connection) as create:
            response = reserve(orders_client, lines, commit=commit)
        assert response.json()["status"] == ("committed" if commit else "held")
        counts.append(len(create.captured_queries))
    assert counts == [CREATE_QUERIES, CREATE_QUERIES], [q["sql"][:60] for q in create.captured_queries]
    with CaptureQueriesContext(connection) as replay:
        again = orders_client.post(
            URL,
            {"reference": "order-1", "lines": lines, "commit": commit},
            format="json",
            HTTP_IDEMPOTENCY_KEY=response.request["HTTP_IDEMPOTENCY_KEY"],
        )
    assert (again.status_code, again["Idempotent-Replayed"]) == (201, "true")
    assert len(replay.captured_queries) == REPLAY_QUERIES, [q["sql"][:60] for q in replay.captured_queries]


def test_a_sale_compiles_no_sql(
    orders_client: APIClient, make_product: Callable[..., Product], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every statement of a sale is built once per process (common/prepared.py): the ORM's
    building and compiling was the largest share of catalog's CPU per order placement
    (docs/performance.md, "The saga's fourth pass")."""
    from django.db.models.sql import compiler as compilers

    for sku in ("C-1", "C-2"):
        make_product(sku, stock=10)
    assert reserve(orders_client, [{"sku": "C-1", "quantity": 1}], commit=True).status_code == 201
    compiled: list[str] = []
    for compiler in (
        compilers.SQLCompiler,
        compilers.SQLInsertCompiler,
        compilers.SQLUpdateCompiler,
        compilers.SQLDeleteCompiler,
        compilers.SQLAggregateCompiler,
    ):
        original = compiler.as_sql

        def as_sql(self: Any, *args: Any, _original: Any = original, **kwargs: Any) -> Any:
            compiled.append(f"{type(self).__name__} {self.query.model}")
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(compiler, "as_sql", as_sql)
    response = reserve(orders_client, [{"sku": "C-1", "quantity": 1}, {"sku": "C-2", "quantity": 2}], commit=True)
    assert response.json()["status"] == "committed"
    assert compiled == []


# --- states of several reservations (orders' reconciliation) ------------------------------------

STATES_URL = f"{URL}states/"


def test_states_answer_several_reservations_by_id_in_one_query(
    orders_client: APIClient,
    service_client: Callable[..., APIClient],
    staff_client: APIClient,
    stocked: None,
    django_assert_num_queries: Any,
) -> None:
    held = reserve(orders_client, [{"sku": "A", "quantity": 1}]).json()
    committed = reserve(orders_client, [{"sku": "B", "quantity": 1}]).json()
    assert orders_client.post(f"{URL}{committed['id']}/commit/").status_code == 200
    returned = reserve(orders_client, [{"sku": "A", "quantity": 2}]).json()
    orders_client.post(f"{URL}{returned['id']}/commit/")
    orders_client.post(f"{URL}{returned['id']}/return/")
    missing = str(uuid.uuid4())
    ids = [returned["id"], missing, held["id"], committed["id"]]
    with django_assert_num_queries(1):
        response = orders_client.post(STATES_URL, {"ids": ids}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert [(r["id"], r["status"]) for r in body["results"]] == [
        (returned["id"], "returned"),
        (held["id"], "held"),
        (committed["id"], "committed"),
    ]
    assert set(body["results"][0]) == {"id", "status", "reference", "updated_at"}
    assert body["unknown"] == [missing]
    # Another service's reservations are unknown to it; staff see every one.
    other = service_client(name="someone-else").post(STATES_URL, {"ids": ids}, format="json").json()
    assert (other["results"], len(other["unknown"])) == ([], 4)
    assert len(staff_client.post(STATES_URL, {"ids": ids}, format="json").json()["results"]) == 3


@pytest.mark.parametrize(
    ("body", "attr"),
    [
        ({"ids": []}, "ids"),
        ({"ids": ["not-a-uuid"]}, "ids.0"),
        ({"ids": [str(uuid.uuid4())] * 201}, "ids"),
        ({"ids": "x"}, "ids"),
        ({}, "ids"),
    ],
)
def test_states_validation(orders_client: APIClient, body: dict[str, Any], attr: str) -> None:
    response = orders_client.post(STATES_URL, body, format="json")
    assert response.status_code == 400, response.content
    assert errors(response)[0]["attr"] == attr


def test_states_need_the_scope(
    service_client: Callable[..., APIClient], customer_client: APIClient, anonymous_client: APIClient
) -> None:
    body = {"ids": [str(uuid.uuid4())]}
    assert anonymous_client.post(STATES_URL, body, format="json").status_code == 401
    assert customer_client.post(STATES_URL, body, format="json").status_code == 403
    assert service_client(scopes=("accounts.users:read",)).post(STATES_URL, body, format="json").status_code == 403
