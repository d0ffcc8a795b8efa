"""Recovery, the circuit breakers in front of catalog and accounts, and the metrics."""

from __future__ import annotations

import datetime
import io
import logging
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from prometheus_client import REGISTRY
from rest_framework.test import APIClient

from common.http import CircuitState, service_client
from devtools.testing.http_server import Answer, Received
from orders_service.orders.models import IdempotencyRecord, Order, OrderStatus
from tests.orders.conftest import Shopper
from tests.orders.real_services import Catalog

pytestmark = pytest.mark.django_db

Place = Callable[..., Any]


def is_reservation_post(received: Received) -> bool:
    return received.path == "/api/v1/reservations/"


def metric(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_while_catalogs_circuit_is_open_orders_fail_fast_with_503_and_catalog_hears_nothing(
    shopper: Shopper, catalog: Catalog, place: Place
) -> None:
    catalog.add("MUG-1", stock=10)
    catalog.fail(is_reservation_post, Answer(503), times=100)
    # Three saga runs without an answer (the breaker opens after 3 in the tests' settings).
    for _ in range(3):
        assert place(shopper, [("MUG-1", 1)]).status_code == 202
    assert service_client("catalog").breaker.state is CircuitState.OPEN
    seen = len(catalog.server.requests)
    orders = Order.objects.count()

    response = place(shopper, [("MUG-1", 1)], key="during-outage")
    assert response.status_code == 503
    assert 1 <= int(response["Retry-After"]) <= 10
    assert response.json()["errors"][0]["code"] == "downstream_unavailable"
    assert len(catalog.server.requests) == seen  # not a single call
    assert Order.objects.count() == orders  # nothing recorded ...
    assert not IdempotencyRecord.objects.filter(key="during-outage").exists()  # ... so the key is free to retry


def test_a_frozen_catalog_and_then_its_open_circuit_log_no_error_and_no_traceback(
    shopper: Shopper, catalog: Catalog, place: Place, caplog: pytest.LogCaptureFixture
) -> None:
    """Timeouts against a catalog that never answers end in 202 (pending, recovery settles it),
    then the open circuit in a fast 503: designed answers, logged at WARNING with their reason,
    never at ERROR (django.request included) and never with a traceback."""
    catalog.add("MUG-1", stock=10)
    # Longer than the read timeout (1 s in these tests), on every attempt.
    catalog.fail(is_reservation_post, Answer(201, delay=1.5), times=100)
    caplog.set_level(logging.DEBUG)
    assert [place(shopper, [("MUG-1", 1)]).status_code for _ in range(3)] == [202, 202, 202]
    refused = place(shopper, [("MUG-1", 1)])
    assert refused.status_code == 503

    loud = [(r.name, r.levelname, r.getMessage()) for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert loud == []
    (line,) = [r for r in caplog.records if r.name == "mercato.request" and getattr(r, "status", None) == 503]
    assert line.levelno == logging.WARNING
    assert line.reason.startswith("downstream_unavailable: ")  # type: ignore[attr-defined]
    assert "catalog" in line.reason  # type: ignore[attr-defined]
    timeouts = [r for r in caplog.records if r.name == "common.http" and "call to catalog failed" in r.getMessage()]
    assert timeouts
    assert all(r.levelno == logging.WARNING for r in timeouts)


def test_an_open_circuit_mid_saga_leaves_the_order_pending(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    catalog.sells_on_create = False  # catalog before 1.4.0: it holds, orders commits
    catalog.add("MUG-1", stock=10)
    catalog.fail(lambda r: r.path.endswith("/commit/"), Answer(503), times=100)
    statuses = [place(shopper, [("MUG-1", 1)]).status_code for _ in range(3)]
    assert statuses == [202, 202, 202]
    assert Order.objects.filter(status=OrderStatus.PENDING).count() == 3


def test_recover_orders_command_settles_pending_orders(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    catalog.add("MUG-1", stock=1)
    catalog.fail(is_reservation_post, Answer(503), times=2)
    first = place(shopper, [("MUG-1", 1)]).json()["id"]
    catalog.fail(is_reservation_post, Answer(503), times=2)
    second = place(shopper, [("MUG-1", 1)]).json()["id"]
    out = io.StringIO()
    call_command("recover_orders", "--older-than", "0", stdout=out)
    assert out.getvalue().strip() == (
        "examined 2: 1 confirmed, 1 rejected, 0 still pending; 0 cancelled, 0 still cancelling"
    )
    # Oldest first: the first order got the one unit.
    assert (Order.objects.get(pk=first).status, Order.objects.get(pk=second).status) == ("confirmed", "rejected")
    assert catalog.held() == 0


def test_the_periodic_tasks_are_registered() -> None:
    from procrastinate.contrib.django import app

    periodic = {task.periodic_id: task for task in app.periodic_registry.periodic_tasks.values()}
    assert periodic["recover_orders"].cron == "* * * * *"
    assert "purge_idempotency_records" in periodic


def test_the_recovery_task_settles_what_is_due(shopper: Shopper, catalog: Catalog, place: Place, settings: Any) -> None:
    from orders_service.orders.tasks import recover_orders

    settings.ORDERS_RECOVERY_AFTER_SECONDS = 0
    catalog.add("MUG-1", stock=1)
    catalog.fail(is_reservation_post, Answer(503), times=2)
    order_id = place(shopper, [("MUG-1", 1)]).json()["id"]
    recover_orders(timestamp=0)
    assert Order.objects.get(pk=order_id).status == OrderStatus.CONFIRMED


def test_expired_idempotency_records_are_purged(shopper: Shopper, catalog: Catalog, place: Place) -> None:
    from orders_service.orders.tasks import purge_idempotency_records

    catalog.add("MUG-1", stock=5)
    place(shopper, [("MUG-1", 1)])
    place(shopper, [("MUG-1", 1)])
    IdempotencyRecord.objects.filter(pk=IdempotencyRecord.objects.first().pk).update(  # type: ignore[union-attr]
        expires_at=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    )
    purge_idempotency_records(timestamp=0)
    assert IdempotencyRecord.objects.count() == 1


def test_business_counters(make_shopper: Callable[..., Shopper], catalog: Catalog, place: Place) -> None:
    catalog.add("MUG-1", stock=1)
    before = {
        "placed": metric("mercato_orders_placed_total"),
        "confirmed": metric("mercato_orders_confirmed_total"),
        "short": metric("mercato_orders_rejected_total", reason="insufficient_stock"),
    }
    place(make_shopper(), [("MUG-1", 1)])
    place(make_shopper(), [("MUG-1", 1)])
    assert metric("mercato_orders_placed_total") == before["placed"] + 2
    assert metric("mercato_orders_confirmed_total") == before["confirmed"] + 1
    assert metric("mercato_orders_rejected_total", reason="insufficient_stock") == before["short"] + 1
    assert metric("mercato_downstream_circuit_state", downstream="catalog") == CircuitState.CLOSED


def test_metrics_endpoint_serves_the_downstream_and_business_metrics(
    shopper: Shopper, catalog: Catalog, place: Place
) -> None:
    catalog.add("MUG-1", stock=1)
    place(shopper, [("MUG-1", 1)])
    text = APIClient().get("/metrics").content.decode()
    for name in (
        "mercato_orders_placed_total",
        "mercato_downstream_request_duration_seconds_bucket",
        "mercato_downstream_circuit_state",
    ):
        assert name in text
