"""common/idempotency.py, the one idempotency mechanism of every service, on its own: a widget
made by two idempotent POSTs written as the services write theirs (tests/common/project/
idempotency). /test/widgets/ claims its key before the work and completes it after (orders'
placement, catalog's stock adjustments); /test/answered-widgets/ claims it with its answer in
the transaction that does the work (catalog's reservations). Each service's tests show that its
endpoints answer the same way (tests/catalog/test_reservations.py, test_stock_idempotency.py,
tests/orders/test_orders_api.py)."""

from __future__ import annotations

import datetime
import json
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from rest_framework.test import APIClient

from common.idempotency import (
    IdempotencyState,
    idempotency_claim,
    idempotency_records_purge,
    request_fingerprint,
)
from tests.common.project.idempotency import views
from tests.common.project.idempotency.models import LongWidgetKey, Widget, WidgetKey

pytestmark = pytest.mark.django_db

CLAIMED_THEN_COMPLETED = "/test/widgets/"
CLAIMED_WITH_ANSWER = "/test/answered-widgets/"
BOTH = pytest.mark.parametrize("url", [CLAIMED_THEN_COMPLETED, CLAIMED_WITH_ANSWER], ids=["completed", "answered"])
MODELS: dict[str, type[WidgetKey] | type[LongWidgetKey]] = {
    CLAIMED_THEN_COMPLETED: WidgetKey,
    CLAIMED_WITH_ANSWER: LongWidgetKey,
}


def post(url: str, body: Any, *, key: str | None = "k-1", principal: str = "alice", raw: bool = False) -> Any:
    headers: dict[str, Any] = {} if key is None else {"HTTP_IDEMPOTENCY_KEY": key}
    if raw:  # the body's JSON exactly as given (key order, spacing)
        return APIClient().post(f"{url}?as={principal}", body, content_type="application/json", **headers)
    return APIClient().post(f"{url}?as={principal}", body, format="json", **headers)


def the_error(response: Any) -> dict[str, Any]:
    """The one error of the documented shape: a 400's type is validation_error, others' client_error."""
    body = response.json()
    assert body["type"] == ("validation_error" if response.status_code == 400 else "client_error"), body
    (error,) = body["errors"]
    return dict(error)


@BOTH
def test_a_key_is_required_and_bounded(url: str) -> None:
    missing = post(url, {"name": "a", "quantity": 1}, key=None)
    assert missing.status_code == 400
    assert the_error(missing) | {"detail": ""} == {"code": "required", "attr": "Idempotency-Key", "detail": ""}
    for bad in ("x" * 256, "has space", "tab\there", "é", ""):
        response = post(url, {"name": "a", "quantity": 1}, key=bad)
        assert response.status_code == 400, bad
        assert (the_error(response)["attr"], the_error(response)["code"]) == ("Idempotency-Key", "invalid")
    assert not Widget.objects.exists()


@BOTH
def test_the_same_key_and_body_replay_the_first_status_body_and_headers(url: str) -> None:
    first = post(url, {"name": "a", "quantity": 2})
    # The same request however its JSON is written: key order and spacing do not matter.
    again = post(url, '{ "quantity": 2,   "name": "a" }', raw=True)
    assert (first.status_code, again.status_code) == (201, 201)
    assert "Idempotent-Replayed" not in first
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert again["Location"] == first["Location"] == f"/test/widgets/{first.json()['id']}/"
    assert Widget.objects.count() == MODELS[url].objects.count() == 1
    record = MODELS[url].objects.get()
    assert (record.state, record.response_status, record.response_body) == ("completed", 201, first.json())
    assert record.fingerprint == request_fingerprint(method="POST", path=url, body={"name": "a", "quantity": 2})


@BOTH
def test_the_same_key_with_another_body_is_422_and_changes_nothing(url: str) -> None:
    assert post(url, {"name": "a", "quantity": 2}).status_code == 201
    for other in ({"name": "a", "quantity": 3}, {"name": "b", "quantity": 2}):
        response = post(url, other)
        assert response.status_code == 422
        assert the_error(response) == {
            "code": "idempotency_key_reused",
            "detail": "This Idempotency-Key was already used with a different request.",
            "attr": None,
        }
    assert Widget.objects.count() == 1


@BOTH
def test_keys_are_per_caller(url: str) -> None:
    mine = post(url, {"name": "a", "quantity": 1}, principal="alice")
    theirs = post(url, {"name": "a", "quantity": 1}, principal="bob")
    assert (mine.status_code, theirs.status_code) == (201, 201)
    assert mine.json()["id"] != theirs.json()["id"]
    assert "Idempotent-Replayed" not in theirs


@BOTH
def test_a_refused_request_stores_nothing_and_may_be_retried_with_its_key(url: str) -> None:
    refused = post(url, {"name": "a", "quantity": 13})
    assert refused.status_code == 400
    assert not MODELS[url].objects.exists()
    assert not Widget.objects.exists()
    # Another body under the same key is a first request, not a reuse.
    assert post(url, {"name": "a", "quantity": 12}).status_code == 201


@BOTH
def test_an_expired_key_may_be_used_afresh_and_is_purged(url: str) -> None:
    model = MODELS[url]
    first = post(url, {"name": "a", "quantity": 1}).json()
    model.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    fresh = post(url, {"name": "b", "quantity": 5})
    assert fresh.status_code == 201
    assert "Idempotent-Replayed" not in fresh
    assert fresh.json()["id"] != first["id"]
    assert model.objects.count() == 1
    model.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert idempotency_records_purge(model) == 1
    assert not model.objects.exists()


@override_settings(IDEMPOTENCY_TTL_SECONDS=86_400)
def test_a_model_may_keep_its_keys_longer_than_the_setting_never_shorter() -> None:
    post(CLAIMED_THEN_COMPLETED, {"name": "a", "quantity": 1})
    post(CLAIMED_WITH_ANSWER, {"name": "a", "quantity": 1})
    day = WidgetKey.objects.get()
    month = LongWidgetKey.objects.get()
    assert day.expires_at - day.created_at == datetime.timedelta(days=1)
    assert month.expires_at - month.created_at == datetime.timedelta(days=30)
    with override_settings(IDEMPOTENCY_TTL_SECONDS=90 * 86_400):
        post(CLAIMED_WITH_ANSWER, {"name": "a", "quantity": 1}, key="k-2")
    longer = LongWidgetKey.objects.get(key="k-2")
    assert longer.expires_at - longer.created_at == datetime.timedelta(days=90)


def test_a_key_claimed_with_its_answer_is_never_seen_in_flight() -> None:
    post(CLAIMED_WITH_ANSWER, {"name": "a", "quantity": 1})
    assert LongWidgetKey.objects.get().state == IdempotencyState.COMPLETED


def test_a_key_whose_request_died_is_answered_from_what_it_made_once_its_lease_is_over() -> None:
    body = {"name": "a", "quantity": 4}
    widget = Widget.objects.create(**body)
    # Claimed by a request that died before answering (its process killed mid-request).
    record = idempotency_claim(
        WidgetKey,
        principal="user:alice",
        key="k-dead",
        fingerprint=request_fingerprint(method="POST", path=CLAIMED_THEN_COMPLETED, body=body),
        widget=widget,
    )
    early = post(CLAIMED_THEN_COMPLETED, body, key="k-dead")
    assert early.status_code == 409
    assert early["Retry-After"] == "1"
    assert the_error(early)["code"] == "idempotency_request_in_flight"
    WidgetKey.objects.filter(pk=record.pk).update(locked_until=timezone.now() - datetime.timedelta(seconds=1))
    late = post(CLAIMED_THEN_COMPLETED, body, key="k-dead")
    assert (late.status_code, late["Idempotent-Replayed"]) == (201, "true")
    assert late.json() == {"id": widget.pk, "name": "a", "quantity": 4}
    record.refresh_from_db()
    assert (record.state, record.response_body) == ("completed", late.json())
    # The answer it got is the key's from now on.
    assert post(CLAIMED_THEN_COMPLETED, body, key="k-dead").json() == late.json()
    assert Widget.objects.count() == 1


# --- under concurrency: threads with their own connections, on committed data -------------------


@pytest.fixture
def held() -> Iterator[tuple[threading.Event, threading.Event]]:
    """Holds the first request inside its work until the test lets it go."""
    inside, release = threading.Event(), threading.Event()
    views.hold_inside, views.release_inside = inside, release
    try:
        yield inside, release
    finally:
        release.set()
        views.hold_inside = views.release_inside = None


def _in_threads(calls: int, work: Callable[[int], Any]) -> list[Any]:
    def run(number: int) -> Any:
        try:
            return work(number)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=min(calls, 10)) as pool:
        return list(pool.map(run, range(calls)))


@pytest.mark.django_db(transaction=True)
def test_a_request_meeting_its_key_in_flight_is_409_with_retry_after(
    held: tuple[threading.Event, threading.Event],
) -> None:
    inside, release = held
    body = {"name": "a", "quantity": 1}
    with ThreadPoolExecutor(max_workers=1) as pool:
        first = pool.submit(lambda: _in_threads(1, lambda _: post(CLAIMED_THEN_COMPLETED, body))[0])
        assert inside.wait(timeout=10)
        views.hold_inside = views.release_inside = None  # the second is not held
        again = _in_threads(1, lambda _: post(CLAIMED_THEN_COMPLETED, body))[0]
        release.set()
        made = first.result(timeout=10)
    assert again.status_code == 409
    assert again["Retry-After"] == "1"
    assert the_error(again)["code"] == "idempotency_request_in_flight"
    assert made.status_code == 201
    assert Widget.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_request_meeting_a_key_being_claimed_with_its_answer_waits_and_replays_it(
    held: tuple[threading.Event, threading.Event],
) -> None:
    inside, release = held
    body = {"name": "a", "quantity": 1}
    with ThreadPoolExecutor(max_workers=2) as pool:
        first = pool.submit(lambda: _in_threads(1, lambda _: post(CLAIMED_WITH_ANSWER, body))[0])
        assert inside.wait(timeout=10)
        views.hold_inside = views.release_inside = None
        # Its claim's INSERT waits for the first's transaction, which is held open.
        second = pool.submit(lambda: _in_threads(1, lambda _: post(CLAIMED_WITH_ANSWER, body))[0])
        assert not second.done()
        release.set()
        made, again = first.result(timeout=10), second.result(timeout=10)
    assert (made.status_code, again.status_code, again["Idempotent-Replayed"]) == (201, 201, "true")
    assert again.json() == made.json()
    assert Widget.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("url", [CLAIMED_THEN_COMPLETED, CLAIMED_WITH_ANSWER], ids=["completed", "answered"])
def test_one_key_sent_20_times_at_once_makes_one_widget(url: str) -> None:
    body = {"name": "a", "quantity": 1}

    def attempt(_: int) -> tuple[int, str | None, str]:
        response = post(url, body, key="k-burst")
        return response.status_code, response.headers.get("Idempotent-Replayed"), json.dumps(response.json())

    results = _in_threads(20, attempt)
    assert Widget.objects.count() == MODELS[url].objects.count() == 1
    made = [answer for status, replayed, answer in results if status == 201 and replayed is None]
    assert len(made) == 1
    replays = Counter(status for status, replayed, answer in results if replayed == "true" and answer == made[0])
    if url == CLAIMED_WITH_ANSWER:
        # Every other request waited for the claim and replays its answer.
        assert replays == {201: 19}
    else:
        # The others replay it, or met it in flight (409, retry later).
        in_flight = Counter(status for status, replayed, _ in results if replayed is None and status != 201)
        assert replays[201] + in_flight[409] == 19
        assert set(in_flight) <= {409}
