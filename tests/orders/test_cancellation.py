"""Cancellation as durable as placement (confirmed -> cancelling -> cancelled, finished by
recovery), and the reconciliation of orders against catalog's reservations."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from rest_framework.test import APIClient

from devtools.testing.http_server import Answer, Received
from orders_service.orders.models import Order, OrderStatus, ReconciliationRun
from orders_service.orders.services.reconciliation import orders_reconcile
from orders_service.orders.services.recovery import orders_recover
from tests.orders.conftest import Shopper
from tests.orders.real_services import Catalog

pytestmark = pytest.mark.django_db

Place = Callable[..., Any]
NOW = datetime.timedelta(0)


def is_return(received: Received) -> bool:
    return received.path.endswith("/return/")


def history(order_id: str) -> list[tuple[str, str, str]]:
    return [
        (change.from_status, change.to_status, change.actor)
        for change in Order.objects.get(pk=order_id).history.order_by("at", "id")
    ]


@pytest.fixture
def confirmed(shopper: Shopper, catalog: Catalog, place: Place) -> str:
    """A confirmed order of 2 MUG-1 (5 in stock before, 3 after)."""
    catalog.add("MUG-1", stock=5)
    response = place(shopper, [("MUG-1", 2)])
    assert response.json()["status"] == "confirmed", response.content
    return str(response.json()["id"])


def cancel_while_catalog_is_down(shopper: Shopper, catalog: Catalog, order_id: str) -> Any:
    # Twice: the call and common.http's one retry of an idempotent request.
    catalog.fail(is_return, Answer(503), times=2)
    return shopper.client.post(f"/api/v1/orders/{order_id}/cancel/")


# --- the state machine --------------------------------------------------------------------------


def test_a_cancel_without_an_answer_is_202_cancelling_and_recovery_finishes_it(
    shopper: Shopper, staff: Shopper, catalog: Catalog, confirmed: str
) -> None:
    response = cancel_while_catalog_is_down(shopper, catalog, confirmed)
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "cancelling"
    assert catalog.products["MUG-1"].on_hand == 3  # catalog has not taken it back (yet)
    assert history(confirmed)[-1] == ("confirmed", "cancelling", f"user:{shopper.id}")

    # Meanwhile it cannot be shipped: its stock may already be on sale again.
    refused = staff.client.post(f"/api/v1/staff/orders/{confirmed}/fulfil/")
    assert refused.status_code == 409
    assert refused.json()["errors"][0]["code"] == "order_cancellation_in_flight"
    assert Order.objects.get(pk=confirmed).status == OrderStatus.CANCELLING

    report = orders_recover(older_than=NOW)
    assert (report.cancelled, report.still_cancelling) == (1, 0)
    assert Order.objects.get(pk=confirmed).status == OrderStatus.CANCELLED
    assert catalog.products["MUG-1"].on_hand == 5
    assert history(confirmed)[-1] == ("cancelling", "cancelled", "system:recover_orders")
    # Cancelled for good: a repeat answers it unchanged, and recovery has nothing left.
    again = shopper.client.post(f"/api/v1/orders/{confirmed}/cancel/")
    assert (again.status_code, again.json()["status"]) == (200, "cancelled")
    assert orders_recover(older_than=NOW).examined == 0


def test_a_cancel_repeated_while_cancelling_is_idempotent(shopper: Shopper, catalog: Catalog, confirmed: str) -> None:
    assert cancel_while_catalog_is_down(shopper, catalog, confirmed).status_code == 202
    # Still down: the same answer, and no second history entry for the intent.
    assert cancel_while_catalog_is_down(shopper, catalog, confirmed).status_code == 202
    # Back: the repeat finishes it now, with the same return call.
    response = shopper.client.post(f"/api/v1/orders/{confirmed}/cancel/")
    assert (response.status_code, response.json()["status"]) == (200, "cancelled")
    assert catalog.products["MUG-1"].on_hand == 5  # returned once
    returns = [r for r in catalog.server.requests if is_return(r)]
    assert len({r.path for r in returns}) == 1  # always the same reservation's return
    assert [(f, t) for f, t, _ in history(confirmed)][-2:] == [("confirmed", "cancelling"), ("cancelling", "cancelled")]


def test_a_return_whose_answer_is_lost_is_repeated_and_counted_once(
    shopper: Shopper, catalog: Catalog, confirmed: str
) -> None:
    catalog.lose_answer_of = is_return  # catalog returns the stock; orders never hears it
    response = shopper.client.post(f"/api/v1/orders/{confirmed}/cancel/")
    assert (response.status_code, response.json()["status"]) == (200, "cancelled")
    assert catalog.products["MUG-1"].on_hand == 5


def test_a_cancel_catalog_refuses_puts_the_order_back_to_confirmed(
    shopper: Shopper, catalog: Catalog, confirmed: str
) -> None:
    reservation = next(iter(catalog.reservations))
    catalog.force_status(reservation, "released")  # outside the contract: a confirmed order's stock is committed
    response = shopper.client.post(f"/api/v1/orders/{confirmed}/cancel/")
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "stock_return_refused"
    assert Order.objects.get(pk=confirmed).status == OrderStatus.CONFIRMED
    assert [(f, t) for f, t, _ in history(confirmed)][-2:] == [("confirmed", "cancelling"), ("cancelling", "confirmed")]


def test_the_staff_cancel_answers_202_while_cancelling(staff: Shopper, catalog: Catalog, confirmed: str) -> None:
    catalog.fail(is_return, Answer(503), times=2)
    response = staff.client.post(f"/api/v1/staff/orders/{confirmed}/cancel/")
    assert (response.status_code, response.json()["status"]) == (202, "cancelling")
    response = staff.client.post(f"/api/v1/staff/orders/{confirmed}/cancel/")
    assert (response.status_code, response.json()["status"]) == (200, "cancelled")


def test_recovery_leaves_a_fresh_cancellation_to_its_request_and_backs_off(
    shopper: Shopper, catalog: Catalog, confirmed: str
) -> None:
    assert cancel_while_catalog_is_down(shopper, catalog, confirmed).status_code == 202
    assert orders_recover(older_than=datetime.timedelta(minutes=1)).examined == 0
    catalog.fail(is_return, Answer(503), times=2)
    report = orders_recover(older_than=NOW)
    assert (report.examined, report.still_cancelling) == (1, 1)
    # Pushed back: not retried on the very next run, unless asked to.
    assert orders_recover(older_than=NOW).examined == 0
    assert orders_recover(older_than=NOW, ignore_backoff=True).cancelled == 1


def test_the_recover_orders_command_reports_cancellations(shopper: Shopper, catalog: Catalog, confirmed: str) -> None:
    assert cancel_while_catalog_is_down(shopper, catalog, confirmed).status_code == 202
    out = io.StringIO()
    call_command("recover_orders", "--older-than", "0", stdout=out)
    assert out.getvalue().strip() == (
        "examined 1: 0 confirmed, 0 rejected, 0 still pending; 1 cancelled, 0 still cancelling"
    )


def test_the_admin_cannot_fulfil_a_cancelling_order(
    admin_client: Client, shopper: Shopper, catalog: Catalog, confirmed: str
) -> None:
    assert cancel_while_catalog_is_down(shopper, catalog, confirmed).status_code == 202
    response = admin_client.post(
        "/admin/orders/order/",
        {"action": "fulfil_orders", "_selected_action": [confirmed], "confirm": "yes"},
        follow=True,
    )
    assert response.status_code == 200
    assert "cancellation is in progress" in response.content.decode()
    assert Order.objects.get(pk=confirmed).status == OrderStatus.CANCELLING


def test_the_admin_fulfil_action_fulfils_confirmed_orders(admin_client: Client, confirmed: str) -> None:
    admin_client.post(
        "/admin/orders/order/", {"action": "fulfil_orders", "_selected_action": [confirmed], "confirm": "yes"}
    )
    assert Order.objects.get(pk=confirmed).status == OrderStatus.FULFILLED


# --- reconciliation -----------------------------------------------------------------------------


def metric_line(name: str) -> str:
    text: str = APIClient().get("/metrics").content.decode()
    (line,) = [line for line in text.splitlines() if line.startswith(name + " ")]
    return line


def test_reconciliation_flags_an_order_that_disagrees_with_catalog_and_clears_it(
    admin_client: Client, shopper: Shopper, catalog: Catalog, place: Place, confirmed: str
) -> None:
    cancelled = place(shopper, [("MUG-1", 1)]).json()["id"]
    assert shopper.client.post(f"/api/v1/orders/{cancelled}/cancel/").status_code == 200
    assert metric_line("mercato_orders_reconciliation_last_run_timestamp_seconds").endswith(" 0.0")

    report = orders_reconcile(window=datetime.timedelta(hours=1), settle_for=NOW)
    assert (report.checked, report.mismatches) == (2, 0)
    assert metric_line("mercato_orders_reconciliation_mismatches").endswith(" 0.0")

    # What a crash used to leave: catalog returned the stock of an order still confirmed.
    reservation_id = str(Order.objects.get(pk=confirmed).reservation_id)
    catalog.force_status(reservation_id, "returned")
    report = orders_reconcile(window=datetime.timedelta(hours=1), settle_for=NOW)
    assert report.mismatches == 1
    issue = Order.objects.get(pk=confirmed).reconciliation_issue
    assert issue == "orders: confirmed; catalog: reservation returned (expected committed)"
    assert metric_line("mercato_orders_reconciliation_mismatches").endswith(" 1.0")
    run = ReconciliationRun.objects.get()
    last_run = float(metric_line("mercato_orders_reconciliation_last_run_timestamp_seconds").split()[1])
    assert last_run == pytest.approx(run.finished_at.timestamp())
    page = admin_client.get("/admin/orders/order/", {"reconciliation": "mismatch"}).content.decode()
    assert confirmed in page
    assert cancelled not in page

    # Flagged orders are checked whatever their age; once they agree, the flag goes.
    catalog.force_status(reservation_id, "committed")
    report = orders_reconcile(window=datetime.timedelta(seconds=1), settle_for=datetime.timedelta(hours=1))
    assert (report.checked, report.mismatches) == (1, 0)
    assert Order.objects.get(pk=confirmed).reconciliation_issue == ""


def test_reconciliation_reads_catalog_in_batches_and_leaves_recent_changes(
    shopper: Shopper, catalog: Catalog, place: Place, settings: Any
) -> None:
    catalog.add("TEA-2", stock=300)
    for _ in range(3):
        place(shopper, [("TEA-2", 1)])
    from orders_service.orders.services import reconciliation

    before = len(catalog.server.requests)
    original = reconciliation.BATCH_SIZE
    reconciliation.BATCH_SIZE = 2  # type: ignore[misc]
    try:
        assert orders_reconcile(window=datetime.timedelta(hours=1), settle_for=NOW).checked == 3
    finally:
        reconciliation.BATCH_SIZE = original  # type: ignore[misc]
    assert len(catalog.server.requests) - before == 2
    # Changed within the settle time: not judged yet.
    assert orders_reconcile(window=datetime.timedelta(hours=1), settle_for=datetime.timedelta(minutes=5)).checked == 0


def test_the_reconciliation_task_and_command(shopper: Shopper, catalog: Catalog, confirmed: str) -> None:
    from procrastinate.contrib.django import app

    from orders_service.orders.tasks import reconcile_orders

    periodic = {task.periodic_id: task for task in app.periodic_registry.periodic_tasks.values()}
    assert periodic["reconcile_orders"].cron == "*/10 * * * *"
    catalog.force_status(next(iter(catalog.reservations)), "released")
    out = io.StringIO()
    call_command("reconcile_orders", "--settle", "0", stdout=out)
    assert out.getvalue().strip() == "checked 1: 1 order(s) disagree with catalog"
    reconcile_orders(timestamp=0)  # the default settle time leaves the fresh order; the flag stays
    assert ReconciliationRun.objects.get().mismatches == 1
