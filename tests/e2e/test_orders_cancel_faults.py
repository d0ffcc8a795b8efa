"""Cancelling orders while catalog fails, with real processes (docs/orders.md, "Cancelling"):
catalog frozen past orders' call budget, orders killed while it waits on catalog, and the
reconciliation that reports what disagrees. Whatever happens, once recovery has run the order
is cancelled in orders, its reservation returned in catalog and its stock back on sale: the
two databases agree, and nobody could ship the order in between."""

from __future__ import annotations

import datetime
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from devtools.devstack import ServiceProcess, manage
from tests.e2e.orders_support import (
    Person,
    create_product,
    database_rows,
    person,
    place_order,
    stock_of,
    wait_until_orders_reach_catalog,
)
from tests.e2e.web import Reply, call
from tests.real_services import manage_env

# Longer than orders' whole budget for one catalog call (CATALOG_READ_TIMEOUT of 4 s, one retry
# and its backoff): a cancel caught in the freeze must give up waiting.
FREEZE_SECONDS = 12.0


@pytest.fixture(scope="module")
def staff(system: dict[str, ServiceProcess], staff_member: tuple[str, str]) -> Person:
    return person(system, *staff_member)


@pytest.fixture(scope="module")
def customer(system: dict[str, ServiceProcess], shopper_credentials: list[tuple[str, str]]) -> Person:
    return person(system, *shopper_credentials[1])


@contextmanager
def frozen(process: ServiceProcess) -> Iterator[None]:
    """``process`` stopped (SIGSTOP): it still accepts connections (the kernel queues them) but
    answers none; resumed on leaving, it serves what queued up."""
    assert process._popen is not None
    group = process._popen.pid
    os.killpg(group, signal.SIGSTOP)
    try:
        yield
    finally:
        os.killpg(group, signal.SIGCONT)


def manage_orders(system: dict[str, ServiceProcess], *args: str) -> str:
    return manage(system["orders"].spec, manage_env(system["orders"]), *args, capture=True)


def recover(system: dict[str, ServiceProcess]) -> str:
    return manage_orders(system, "recover_orders", "--older-than", "0", "--ignore-backoff")


def confirmed_order(system: dict[str, ServiceProcess], staff: Person, customer: Person) -> tuple[str, str]:
    """(order id, SKU) of a confirmed order of 2 units of a product stocked with 10."""
    sku = create_product(system["catalog"].base_url, staff, stock=10)
    placed = place_order(system["orders"].base_url, customer, [(sku, 2)])
    assert (placed.status, placed.json()["status"]) == (201, "confirmed"), placed.body
    assert stock_of(system["catalog"].base_url, staff, sku)["on_hand"] == 8
    return placed.json()["id"], sku


def order_status(system: dict[str, ServiceProcess], order_id: str) -> str:
    ((status,),) = database_rows(system["orders"], "SELECT status FROM orders_order WHERE id = %s", order_id)
    return str(status)


def fulfil(system: dict[str, ServiceProcess], staff: Person, order_id: str) -> Reply:
    return call("POST", system["orders"].base_url + f"/api/v1/staff/orders/{order_id}/fulfil/", headers=staff.headers())


def assert_refused_to_ship(system: dict[str, ServiceProcess], staff: Person, order_id: str) -> None:
    refused = fulfil(system, staff, order_id)
    assert refused.status == 409, refused.body
    assert refused.json()["errors"][0]["code"] == "order_cancellation_in_flight"


def assert_cancelled_everywhere(system: dict[str, ServiceProcess], staff: Person, order_id: str, sku: str) -> None:
    """orders' database and catalog's agree: cancelled, returned, the stock back on sale."""
    assert order_status(system, order_id) == "cancelled"
    ((reservation_id,),) = database_rows(
        system["orders"], "SELECT reservation_id::text FROM orders_order WHERE id = %s", order_id
    )
    reservations = database_rows(
        system["catalog"], "SELECT id::text, status FROM catalog_reservation WHERE reference = %s", order_id
    )
    assert reservations == [(reservation_id, "returned")]
    assert stock_of(system["catalog"].base_url, staff, sku) == {"on_hand": 10, "reserved": 0, "available": 10}
    changes = database_rows(
        system["orders"],
        "SELECT from_status, to_status FROM orders_orderstatuschange WHERE order_id = %s ORDER BY at, id",
        order_id,
    )
    assert changes[-2:] == [("confirmed", "cancelling"), ("cancelling", "cancelled")]
    # Cancelled for good: nobody ships it.
    assert fulfil(system, staff, order_id).status == 409


def test_a_cancel_catalog_does_not_answer_in_time_is_202_and_recovery_finishes_it(
    system: dict[str, ServiceProcess], staff: Person, customer: Person
) -> None:
    order_id, sku = confirmed_order(system, staff, customer)
    cancel_url = system["orders"].base_url + f"/api/v1/orders/{order_id}/cancel/"
    with frozen(system["catalog"]):
        started = time.monotonic()
        reply = call("POST", cancel_url, headers=customer.headers())
        waited = time.monotonic() - started
        assert waited < FREEZE_SECONDS  # orders gave up while catalog was still frozen
        # Not "nothing changed, retry": catalog holds the request and will act on it.
        assert reply.status == 202, reply.body
        assert reply.json()["status"] == "cancelling"
        assert order_status(system, order_id) == "cancelling"
        # Staff cannot ship it meanwhile (fulfilment does not need catalog).
        assert_refused_to_ship(system, staff, order_id)
    # Resumed, catalog serves the queued return; recovery repeats it (idempotent) and finishes.
    report = recover(system)
    assert "0 still cancelling" in report, report
    assert_cancelled_everywhere(system, staff, order_id, sku)
    # A repeat answers the cancelled order unchanged.
    again = call("POST", cancel_url, headers=customer.headers())
    assert (again.status, again.json()["status"]) == (200, "cancelled")
    wait_until_orders_reach_catalog(system, customer, create_product(system["catalog"].base_url, staff, stock=50))


def test_orders_killed_while_a_cancel_waits_on_catalog_and_recovery_finishes_it(
    system: dict[str, ServiceProcess], staff: Person, customer: Person
) -> None:
    order_id, sku = confirmed_order(system, staff, customer)
    orders = system["orders"]
    cancel_url = orders.base_url + f"/api/v1/orders/{order_id}/cancel/"
    outcome: list[object] = []

    def cancel() -> None:
        try:
            outcome.append(call("POST", cancel_url, headers=customer.headers()))
        except Exception as exc:  # the connection dies with the server: expected
            outcome.append(exc)

    with frozen(system["catalog"]):
        client = threading.Thread(target=cancel)
        client.start()
        # Until orders is waiting on catalog: the cancel is recorded, the return sent.
        deadline = time.monotonic() + 5
        while order_status(system, order_id) != "cancelling" and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)
        assert orders._popen is not None
        os.killpg(orders._popen.pid, signal.SIGKILL)  # gunicorn and its workers, as a crash would
        client.join(timeout=30)
        assert len(outcome) == 1
        assert not isinstance(outcome[0], Reply), outcome  # no answer ever came
        orders.stop()
        orders.start()
        orders.wait_ready(timeout=90)
        # The intent survived the crash: the order is cancelling, and cannot be shipped.
        assert order_status(system, order_id) == "cancelling"
        assert_refused_to_ship(system, staff, order_id)
    report = recover(system)
    assert "0 still cancelling" in report, report
    assert_cancelled_everywhere(system, staff, order_id, sku)
    wait_until_orders_reach_catalog(system, customer, create_product(system["catalog"].base_url, staff, stock=50))


def metric(system: dict[str, ServiceProcess], name: str) -> float:
    text = call("GET", system["orders"].base_url + "/metrics").body.decode()
    (line,) = [line for line in text.splitlines() if line.startswith(name + " ")]
    return float(line.split()[1])


def test_the_reconciliation_reports_an_order_that_disagrees_with_catalog(
    system: dict[str, ServiceProcess], staff: Person, customer: Person
) -> None:
    order_id, _ = confirmed_order(system, staff, customer)
    ((reservation_id,),) = database_rows(
        system["orders"], "SELECT reservation_id::text FROM orders_order WHERE id = %s", order_id
    )
    started = datetime.datetime.now(tz=datetime.UTC).timestamp()
    manage_orders(system, "reconcile_orders", "--settle", "0")
    assert database_rows(system["orders"], "SELECT reconciliation_issue FROM orders_order WHERE id = %s", order_id) == [
        ("",)
    ]
    flagged_before = metric(system, "mercato_orders_reconciliation_mismatches")

    # What a crash between the two services used to leave: catalog took the stock back while
    # orders still says confirmed. Written straight into catalog's database, as a crash would.
    database_rows(
        system["catalog"],
        "UPDATE catalog_reservation SET status = 'returned' WHERE id = %s RETURNING id",
        reservation_id,
    )
    try:
        output = manage_orders(system, "reconcile_orders", "--settle", "0")
        assert "disagree with catalog" in output, output
        ((issue,),) = database_rows(
            system["orders"], "SELECT reconciliation_issue FROM orders_order WHERE id = %s", order_id
        )
        assert issue == "orders: confirmed; catalog: reservation returned (expected committed)"
        assert metric(system, "mercato_orders_reconciliation_mismatches") == flagged_before + 1
        assert metric(system, "mercato_orders_reconciliation_last_run_timestamp_seconds") >= started
    finally:
        database_rows(
            system["catalog"],
            "UPDATE catalog_reservation SET status = 'committed' WHERE id = %s RETURNING id",
            reservation_id,
        )
    # Once they agree again, the next run clears the flag.
    manage_orders(system, "reconcile_orders", "--settle", "0")
    assert metric(system, "mercato_orders_reconciliation_mismatches") == flagged_before
