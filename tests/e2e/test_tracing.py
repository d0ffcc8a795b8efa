"""One order, one trace (docs/architecture.md, "Tracing and logs"): the three services as real
processes export their spans over OTLP/HTTP to a receiver this test runs, which decodes them with
opentelemetry-proto, and the spans of one placement form one tree across orders, accounts and
catalog. A product import deferred by a request runs in catalog's worker in a span linked to it.

A system of its own (the session's ``system`` runs without tracing), kept cheap: one gunicorn
worker per service, and spans sent every 100 ms rather than every 5 s.
"""

from __future__ import annotations

import json
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from opentelemetry.proto.trace.v1.trace_pb2 import Span

from devtools.devstack import ServiceProcess, manage, running
from devtools.testing.tracing import OTLPReceiver, ReceivedSpan, otlp_receiver
from tests.e2e.conftest import service_processes
from tests.e2e.orders_support import ADDRESS, CUSTOMER_PASSWORD, Person, create_product, person, register
from tests.e2e.web import call
from tests.real_services import manage_env

SERVER = Span.SpanKind.SPAN_KIND_SERVER
CLIENT = Span.SpanKind.SPAN_KIND_CLIENT
PRODUCER = Span.SpanKind.SPAN_KIND_PRODUCER
CONSUMER = Span.SpanKind.SPAN_KIND_CONSUMER

STAFF_EMAIL = "tracing-staff@e2e.example"
STAFF_PASSWORD = "e2e-tracing-Pass-1"


@dataclass(frozen=True)
class TracedSystem:
    processes: dict[str, ServiceProcess]
    catalog_worker: ServiceProcess
    receiver: OTLPReceiver
    staff: Person
    customer: Person


@pytest.fixture(scope="module")
def traced(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TracedSystem]:
    root = tmp_path_factory.mktemp("traced")
    with otlp_receiver() as receiver:
        processes = service_processes(root, dbname_prefix="e2e_traced", extra_env=lambda name: {"WEB_WORKERS": "1"})
        # Only the long-running processes trace: migrations and one-off commands stay quiet.
        tracing_env = {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url, "OTEL_BSP_SCHEDULE_DELAY": "100"}
        for process in processes.values():
            process.env.update(tracing_env)
        catalog = processes["catalog"]
        (command,) = catalog.spec.workers
        worker = ServiceProcess.worker(
            catalog.spec, manage_env(catalog), command, log_path=Path(root) / "catalog-worker.log"
        )
        with running([*processes.values(), worker]):
            for process in processes.values():
                process.wait_ready(timeout=90)
            accounts = processes["accounts"]
            seed_env = {
                **manage_env(accounts),
                "DEMO_ADMIN_EMAIL": STAFF_EMAIL,
                "DEMO_ADMIN_PASSWORD": STAFF_PASSWORD,
                "OTEL_EXPORTER_OTLP_ENDPOINT": "",
            }
            manage(accounts.spec, seed_env, "seed_demo")
            yield TracedSystem(
                processes=processes,
                catalog_worker=worker,
                receiver=receiver,
                staff=person(processes, STAFF_EMAIL, STAFF_PASSWORD),
                customer=person(processes, register(processes), CUSTOMER_PASSWORD),
            )


def new_traceparent() -> tuple[str, str, str]:
    """A caller's trace id, span id and the traceparent header naming them (sampled)."""
    trace_id, span_id = uuid.uuid4().hex, uuid.uuid4().hex[:16]
    return trace_id, span_id, f"00-{trace_id}-{span_id}-01"


def by_id(spans: list[ReceivedSpan]) -> dict[str, ReceivedSpan]:
    return {span.span_id: span for span in spans}


def test_one_placement_is_one_trace_across_the_three_services(traced: TracedSystem) -> None:
    sku = create_product(traced.processes["catalog"].base_url, traced.staff, stock=5)
    trace_id, caller_span, traceparent = new_traceparent()

    reply = call(
        "POST",
        traced.processes["orders"].base_url + "/api/v1/orders/",
        json_body={"lines": [{"sku": sku, "quantity": 1}], "shipping_address": ADDRESS},
        headers=traced.customer.headers(**{"Idempotency-Key": str(uuid.uuid4()), "traceparent": traceparent}),
    )
    assert reply.status == 201, reply.body

    def complete(spans: list[ReceivedSpan]) -> bool:
        # orders' server span (which ends last, after every call it made) and, for each call
        # that was answered, the server span that answered it: each process sends on its own.
        ours = [s for s in spans if s.trace_id == trace_id]
        answered = {s.span_id for s in ours if s.kind == CLIENT and "http.response.status_code" in s.attributes}
        children = {s.parent_span_id for s in ours if s.kind == SERVER}
        placed = any(s.kind == SERVER and s.service == "mercato-orders" for s in ours)
        return placed and bool(answered) and answered <= children

    spans = [s for s in traced.receiver.wait_for(complete) if s.trace_id == trace_id]
    index = by_id(spans)

    (placement,) = [s for s in spans if s.service == "mercato-orders" and s.kind == SERVER]
    assert placement.parent_span_id == caller_span  # joined the caller's trace

    downstream = [s for s in spans if s.kind == SERVER and s.service != "mercato-orders"]
    for server_span in downstream:
        # Each server span in accounts and catalog is the child of one of orders' client spans,
        # which is itself inside the placement.
        client_span = index[server_span.parent_span_id]
        assert (client_span.service, client_span.kind) == ("mercato-orders", CLIENT), (server_span, client_span)
        assert server_span.service == f"mercato-{client_span.attributes['mercato.downstream']}"
        assert descends_from(client_span, placement, index)

    # catalog's reservation (held and sold in one call) and accounts' service token and user,
    # the spans that used to start traces of their own.
    calls = {index[s.parent_span_id].attributes["mercato.operation"]: s.service for s in downstream}
    assert calls["reservations_create"] == "mercato-catalog"
    assert calls["users_retrieve"] == "mercato-accounts"
    assert calls["auth_service_token"] == "mercato-accounts"


def descends_from(span: ReceivedSpan, ancestor: ReceivedSpan, index: dict[str, ReceivedSpan]) -> bool:
    current: ReceivedSpan | None = span
    while current is not None:
        if current.span_id == ancestor.span_id:
            return True
        current = index.get(current.parent_span_id)
    return False


def test_an_import_runs_in_the_worker_in_a_span_linked_to_the_upload(traced: TracedSystem) -> None:
    trace_id, caller_span, traceparent = new_traceparent()
    request_id = f"upload-{uuid.uuid4().hex}"
    sku = f"TRACED-{uuid.uuid4().hex[:8]}".upper()
    csv = f"sku,name,description,price,currency,category,attributes,is_active,stock\n{sku},T,,1.00,EUR,,,,\n"
    boundary = uuid.uuid4().hex
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="products.csv"\r\n\r\n{csv}\r\n'
        f"--{boundary}--\r\n"
    ).encode()
    request = urllib.request.Request(
        traced.processes["catalog"].base_url + "/api/v1/product-imports/",
        data=body,
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "traceparent": traceparent,
            "X-Request-ID": request_id,
            **traced.staff.headers(),
        },
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 202

    def linked_run(spans: list[ReceivedSpan]) -> bool:
        deferrals = {s.span_id for s in spans if s.trace_id == trace_id and s.kind == PRODUCER}
        return any(s.kind == CONSUMER and any(link[1] in deferrals for link in s.links) for s in spans)

    spans = traced.receiver.wait_for(linked_run, timeout=30)
    index = by_id(spans)
    (upload,) = [s for s in spans if s.trace_id == trace_id and s.kind == SERVER]
    assert (upload.service, upload.parent_span_id) == ("mercato-catalog", caller_span)
    (defer,) = [s for s in spans if s.trace_id == trace_id and s.kind == PRODUCER]
    assert defer.name == "defer catalog.product_import_run"
    assert descends_from(defer, upload, index)
    (run,) = [s for s in spans if s.kind == CONSUMER and (trace_id, defer.span_id) in s.links]
    assert run.name == "run catalog.product_import_run"
    assert run.service == "mercato-catalog"
    assert run.trace_id != trace_id  # the job is a trace of its own, linked to the request's
    assert run.parent_span_id == ""

    # The worker's log lines of that job carry the job's trace and the upload's request id.
    log_path = traced.catalog_worker.log_path
    assert log_path is not None
    finished = [
        line
        for line in map(json_line, log_path.read_text().splitlines())
        if line.get("message") == "product import finished" and line.get("trace_id") == run.trace_id
    ]
    assert len(finished) == 1, log_path.read_text()[-3000:]
    assert finished[0]["request_id"] == request_id
    assert finished[0]["span_id"] is not None


def json_line(text: str) -> dict[str, object]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
