"""Placing orders while catalog fails (docs/orders.md): killed, frozen past the timeout, or down
behind an open circuit. Whatever happens, once recovery has run every recorded order is
confirmed or rejected, no stock stays held, and what catalog sold is what orders confirmed."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from devtools.devstack import ServiceProcess, free_port, manage
from devtools.testing.http_server import Answer, LocalHTTPServer, local_http_server
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
from tests.live_system import manage_env, service_process
from tests.real_services import FaultProxy


@pytest.fixture(scope="module")
def staff(system: dict[str, ServiceProcess], staff_member: tuple[str, str]) -> Person:
    return person(system, *staff_member)


@pytest.fixture(scope="module")
def customer(system: dict[str, ServiceProcess], shopper_credentials: list[tuple[str, str]]) -> Person:
    return person(system, *shopper_credentials[0])


def recover(orders: ServiceProcess) -> str:
    return manage(
        orders.spec, manage_env(orders), "recover_orders", "--older-than", "0", "--ignore-backoff", capture=True
    )


def place_during(fault: Callable[[], None], *, orders_url: str, customer: Person, sku: str, count: int) -> list[Reply]:
    """``count`` orders of one unit from 8 client threads; ``fault`` strikes after a quarter."""
    done = threading.Semaphore(0)

    def one(_: int) -> Reply:
        try:
            return place_order(orders_url, customer, [(sku, 1)])
        finally:
            done.release()

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(one, number) for number in range(count)]
        for _ in range(count // 4):
            done.acquire()
        fault()
        return [future.result() for future in futures]


def log_offset(process: ServiceProcess) -> int:
    assert process.log_path is not None
    return process.log_path.stat().st_size


def loud_lines_since(process: ServiceProcess, offset: int) -> list[str]:
    """The lines ``process`` logged past ``offset`` at ERROR or above, or with a traceback.

    A refusal (a 503 while catalog is away, a timeout behind a 202) is an answer, logged at INFO
    or WARNING with its reason (docs/architecture.md, "Refusals are not errors").
    """
    assert process.log_path is not None
    with process.log_path.open("rb") as log:
        log.seek(offset)
        text = log.read().decode(errors="replace")
    loud = []
    for line in text.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            # Not a JSON line: Python's warnings (a missing static directory) pass, a raw
            # traceback does not.
            if line.startswith("Traceback"):
                loud.append(line)
            continue
        if record.get("level") in ("ERROR", "CRITICAL") or "exc_info" in record:
            loud.append(line)
    return loud


def assert_settled(
    system: dict[str, ServiceProcess], staff: Person, sku: str, stock: int, replies: list[Reply]
) -> None:
    recorded = [reply.json()["id"] for reply in replies if reply.status in (201, 202)]
    # Nothing else: an order is recorded (201/202) or refused before anything was recorded (503).
    assert {reply.status for reply in replies} <= {201, 202, 503}, Counter(reply.status for reply in replies)
    report = recover(system["orders"])
    assert "0 still pending" in report, report
    final = dict(
        database_rows(
            system["orders"],
            "SELECT id::text, status FROM orders_order WHERE id = ANY(%s::uuid[])",
            recorded,
        )
    )
    assert len(final) == len(recorded)
    assert set(final.values()) <= {"confirmed", "rejected"}, Counter(final.values())
    confirmed = [order_id for order_id, status in final.items() if status == "confirmed"]
    # No hold is left: each confirmed order's reservation is committed, nothing else is held.
    reservations = database_rows(
        system["catalog"], "SELECT reference, status FROM catalog_reservation WHERE reference = ANY(%s)", recorded
    )
    assert [status for _, status in reservations if status == "held"] == []
    assert Counter(reference for reference, _ in reservations).most_common(1)[0][1] == 1  # one per order
    assert {reference for reference, status in reservations if status == "committed"} == set(confirmed)
    # What catalog sold is what orders confirmed.
    assert stock_of(system["catalog"].base_url, staff, sku) == {
        "on_hand": stock - len(confirmed),
        "reserved": 0,
        "available": stock - len(confirmed),
    }


def test_orders_catalog_killed_in_the_middle_of_placements(
    system: dict[str, ServiceProcess], staff: Person, customer: Person
) -> None:
    catalog = system["catalog"]
    stock = 40
    sku = create_product(catalog.base_url, staff, stock=stock)

    def kill_catalog() -> None:
        assert catalog._popen is not None
        os.killpg(catalog._popen.pid, signal.SIGKILL)

    try:
        replies = place_during(kill_catalog, orders_url=system["orders"].base_url, customer=customer, sku=sku, count=60)
    finally:
        catalog.stop()
        catalog.start()
        catalog.wait_ready(timeout=90)
    codes = Counter(reply.status for reply in replies)
    assert codes[202] + codes[503] > 0, codes  # the kill did strike in the middle
    assert_settled(system, staff, sku, stock, replies)
    wait_until_orders_reach_catalog(system, customer, create_product(catalog.base_url, staff, stock=1))


def test_orders_catalog_slower_than_the_timeout_in_the_middle_of_placements(
    system: dict[str, ServiceProcess], staff: Person, customer: Person
) -> None:
    catalog = system["catalog"]
    stock = 30
    sku = create_product(catalog.base_url, staff, stock=stock)
    assert catalog._popen is not None
    group = catalog._popen.pid
    orders_log = log_offset(system["orders"])

    # Longer than orders' whole budget for one catalog call (CATALOG_READ_TIMEOUT of 4 s, one
    # retry, and its backoff), so a placement caught in the freeze must give up and answer 202;
    # a shorter freeze lets the retry land after the resume and the outcome depends on timing.
    freeze_seconds = 12.0

    def freeze_catalog() -> None:
        # Stopped, catalog still accepts connections (the kernel queues them) but answers none:
        # orders' reads time out. Resumed, it serves what queued up: holds orders gave up on.
        os.killpg(group, signal.SIGSTOP)
        threading.Timer(freeze_seconds, os.killpg, (group, signal.SIGCONT)).start()

    try:
        replies = place_during(
            freeze_catalog, orders_url=system["orders"].base_url, customer=customer, sku=sku, count=40
        )
    finally:
        os.killpg(group, signal.SIGCONT)
    codes = Counter(reply.status for reply in replies)
    assert codes[202] > 0, codes
    assert loud_lines_since(system["orders"], orders_log) == []
    assert_settled(system, staff, sku, stock, replies)
    wait_until_orders_reach_catalog(system, customer, create_product(catalog.base_url, staff, stock=1))


# --- the circuit breaker, against a catalog that answers nothing but errors -----------------------


@pytest.fixture
def failing_catalog(system: dict[str, ServiceProcess]) -> Iterator[LocalHTTPServer]:
    """The real catalog behind a fault proxy (tests/real_services.py) that answers every request
    with catalog's 503 instead of forwarding it; the server's ``requests`` are what reached it."""
    with local_http_server() as server:
        proxy = FaultProxy(server, system["catalog"].base_url)
        unavailable = Answer.json(
            {"type": "server_error", "errors": [{"code": "error", "detail": "down", "attr": None}]}, 503
        )
        proxy.fail(lambda received: True, unavailable, times=10_000)
        yield server


@pytest.fixture
def isolated_orders(
    system: dict[str, ServiceProcess], failing_catalog: LocalHTTPServer, tmp_path: Path
) -> Iterator[ServiceProcess]:
    """An orders process of its own (own database) whose catalog is ``failing_catalog``."""
    ports = {
        "accounts": int(system["accounts"].env["BIND"].rsplit(":", 1)[1]),
        "catalog": int(failing_catalog.url.rsplit(":", 1)[1]),
        "orders": free_port(),
    }
    process = service_process(
        "orders",
        dbname="e2e_orders_breaker",
        ports=ports,
        run_dir=tmp_path / "orders",
        client_secret=system["orders"].env["SERVICE_CLIENT_SECRET"],
        # Long enough not to half-open during the test.
        extra_env={"CATALOG_BREAKER_FAILURES": "3", "CATALOG_BREAKER_RESET_SECONDS": "120"},
    )
    process.start()
    try:
        process.wait_ready(timeout=90)
        yield process
    finally:
        process.stop()


def test_orders_fail_fast_with_503_once_catalogs_circuit_is_open(
    isolated_orders: ServiceProcess, failing_catalog: LocalHTTPServer, customer: Person
) -> None:
    orders_url = isolated_orders.base_url
    # Until every gunicorn worker's breaker has opened: a run of fast 503s.
    fast_in_a_row = 0
    for _ in range(60):
        reply = place_order(orders_url, customer, [("ANY-SKU", 1)])
        assert reply.status in (202, 503), reply.body
        fast_in_a_row = fast_in_a_row + 1 if reply.status == 503 else 0
        if fast_in_a_row == 10:
            break
    assert fast_in_a_row == 10
    heard = len(failing_catalog.requests)
    assert heard > 0

    replies, durations = [], []
    for _ in range(20):
        started = time.monotonic()
        replies.append(place_order(orders_url, customer, [("ANY-SKU", 1)], key=str(uuid.uuid4())))
        durations.append(time.monotonic() - started)
    assert {reply.status for reply in replies} == {503}
    assert all(1 <= int(reply.headers["Retry-After"]) <= 120 for reply in replies)
    assert {reply.json()["errors"][0]["code"] for reply in replies} == {"downstream_unavailable"}
    assert len(failing_catalog.requests) == heard  # catalog received none of them
    # No call waited out catalog's read timeout (4 s): each answer came without asking catalog. A
    # per-request bound, not one for all 20, so that a busy machine does not fail it.
    assert max(durations) < 4, durations
    # Timeouts, 5xx answers, the circuit opening, fast refusals: warnings, none an error.
    assert loud_lines_since(isolated_orders, 0) == []
    metrics = call("GET", orders_url + "/metrics").body.decode()
    open_states = [
        line
        for line in metrics.splitlines()
        if line.startswith("mercato_downstream_circuit_state{") and 'downstream="catalog"' in line
    ]
    assert open_states
    assert all(line.endswith(" 2.0") for line in open_states), open_states
    # What opened it: catalog's 5xx answers, counted per kind.
    failures = [
        line
        for line in metrics.splitlines()
        if line.startswith("mercato_downstream_errors_total{") and 'kind="server_error"' in line
    ]
    assert failures
