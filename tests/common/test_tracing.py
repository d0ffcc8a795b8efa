import io
import json
import logging
import logging.config
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django_guid import clear_guid, set_guid
from opentelemetry import baggage, propagate, trace
from opentelemetry import context as otel_context
from opentelemetry.instrumentation.django import DjangoInstrumentor
from opentelemetry.instrumentation.psycopg import PsycopgInstrumentor
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from common.http import CircuitBreaker, CircuitOpen, ServiceClient, ServiceUnavailable
from common.settings import logging_settings
from common.tracing import configure_tracing, job_span, tracer
from devtools.testing.http_server import Answer, LocalHTTPServer, local_http_server
from devtools.testing.tracing import recorded_spans

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_SPAN_ID = "00f067aa0ba902b7"


@pytest.fixture
def spans() -> InMemorySpanExporter:
    exporter = recorded_spans()
    exporter.clear()
    return exporter


@pytest.fixture
def server() -> Iterator[LocalHTTPServer]:
    with local_http_server() as server:
        yield server


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """The JSON lines the services' logging configuration writes, into a buffer."""
    buffer = io.StringIO()
    config = logging_settings("svc")
    config["handlers"]["stdout"]["stream"] = buffer
    logging.config.dictConfig(config)
    try:
        yield buffer
    finally:
        logging.config.dictConfig(django_settings.LOGGING)


def lines(buffer: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def hex_ids(span: ReadableSpan) -> tuple[str, str]:
    context = span.get_span_context()
    assert context is not None
    return trace.format_trace_id(context.trace_id), trace.format_span_id(context.span_id)


def sampled(traceparent: str) -> str:
    """A traceparent without its flags, checking that they say "sampled" (other bits may be set)."""
    head, flags = traceparent.rsplit("-", 1)
    assert int(flags, 16) & 1, traceparent
    return head


def test_tracing_is_off_without_an_otlp_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OTEL_EXPORTER_OTLP_ENDPOINT", raising=False)
    monkeypatch.delenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", raising=False)
    assert configure_tracing(service_name="test") is False


@pytest.mark.django_db(transaction=True)
def test_requests_and_queries_become_spans(monkeypatch: pytest.MonkeyPatch) -> None:
    # The batch processor sends within 10 ms rather than 5 s (read when it is made).
    monkeypatch.setenv("OTEL_BSP_SCHEDULE_DELAY", "10")
    exporter = InMemorySpanExporter()
    assert configure_tracing(service_name="test", exporter=exporter)
    # Connections opened before instrumentation (the test database's, the pool's) are plain.
    connection.close()
    connection.close_pool()  # type: ignore[attr-defined]  # django-stubs 5.2.9 lacks it (Django 5.1's pool)
    try:
        # A new client builds its middleware chain after instrumentation, like a new worker.
        assert Client().get("/readyz").status_code == 200
        deadline = time.monotonic() + 5
        while not any(span.name == "GET readyz" for span in exporter.get_finished_spans()):
            assert time.monotonic() < deadline, [span.name for span in exporter.get_finished_spans()]
            time.sleep(0.02)
    finally:
        DjangoInstrumentor().uninstrument()
        PsycopgInstrumentor().uninstrument()
    spans = exporter.get_finished_spans()
    assert any(span.attributes and span.attributes.get("db.system") == "postgresql" for span in spans), [
        (span.name, dict(span.attributes or {})) for span in spans
    ]
    request_span = next(span for span in spans if span.name == "GET readyz")
    assert request_span.resource.attributes["service.name"] == "mercato-test"


# --- calls to other services ------------------------------------------------------------------


def test_a_call_is_a_client_span_whose_context_and_baggage_go_along(
    spans: InMemorySpanExporter, server: LocalHTTPServer
) -> None:
    server.answer_in_turn(Answer.json({"ok": True}))
    client = ServiceClient("downstream", server.url)
    token = otel_context.attach(baggage.set_baggage("tenant", "acme"))
    try:
        with tracer.start_as_current_span("the request") as outer:
            assert client.post("/things/", json={}, operation="things_create").status_code == 200
    finally:
        otel_context.detach(token)

    (call,) = [span for span in spans.get_finished_spans() if span.kind is SpanKind.CLIENT]
    assert call.name == "POST downstream things_create"
    assert call.parent is not None
    assert call.parent.span_id == outer.get_span_context().span_id
    assert dict(call.attributes or {}) == {
        "http.request.method": "POST",
        "url.full": f"{server.url}/things/",
        "server.address": "127.0.0.1",
        "server.port": int(server.url.rsplit(":", 1)[1]),
        "mercato.downstream": "downstream",
        "mercato.operation": "things_create",
        "http.response.status_code": 200,
    }
    trace_id, span_id = hex_ids(call)
    (received,) = server.requests
    # The downstream's server span will be a child of this client span, in the same trace.
    assert sampled(received.headers["traceparent"]) == f"00-{trace_id}-{span_id}"
    assert received.headers["baggage"] == "tenant=acme"


def test_without_a_current_span_a_call_starts_no_trace_downstream(
    spans: InMemorySpanExporter, server: LocalHTTPServer
) -> None:
    ServiceClient("downstream", server.url).get("/things/")
    (call,) = spans.get_finished_spans()
    assert call.parent is None
    trace_id, span_id = hex_ids(call)
    assert sampled(server.requests[0].headers["traceparent"]) == f"00-{trace_id}-{span_id}"


def test_a_refused_or_failed_call_is_a_failed_span(spans: InMemorySpanExporter, server: LocalHTTPServer) -> None:
    server.answer_in_turn(Answer(503))
    breaker = CircuitBreaker("downstream", failure_threshold=1, reset_timeout=60)
    client = ServiceClient("downstream", server.url, retries=0, breaker=breaker)
    assert client.get("/things/").status_code == 503
    with pytest.raises(CircuitOpen):
        client.get("/things/")
    server.answer_in_turn(Answer(200, delay=0.5))
    slow = ServiceClient("downstream", server.url, retries=0, timeout=(1.0, 0.1))
    with pytest.raises(ServiceUnavailable):
        slow.get("/slow/")

    answered, refused, timed_out = spans.get_finished_spans()
    assert (answered.status.status_code, (answered.attributes or {})["error.type"]) == (StatusCode.ERROR, "503")
    assert (refused.status.status_code, (refused.attributes or {})["error.type"]) == (StatusCode.ERROR, "circuit_open")
    assert (timed_out.status.status_code, (timed_out.attributes or {})["error.type"]) == (StatusCode.ERROR, "timeout")
    assert len(server.requests) == 2  # the open circuit sent nothing


def test_a_4xx_answer_is_not_a_failed_span(spans: InMemorySpanExporter, server: LocalHTTPServer) -> None:
    server.answer_in_turn(Answer(409))
    assert ServiceClient("downstream", server.url).get("/things/").status_code == 409
    (call,) = spans.get_finished_spans()
    assert call.status.status_code is StatusCode.UNSET
    assert "error.type" not in (call.attributes or {})


# --- jobs ---------------------------------------------------------------------------------------


def test_a_job_span_is_a_trace_of_its_own_linked_to_what_deferred_it(spans: InMemorySpanExporter) -> None:
    carrier: dict[str, str] = {}
    token = otel_context.attach(baggage.set_baggage("tenant", "acme"))
    try:
        with tracer.start_as_current_span("defer") as deferring:
            propagate.inject(carrier)
    finally:
        otel_context.detach(token)

    with job_span("run a.task", carrier=carrier, attributes={"mercato.job.task": "a.task"}) as span:
        assert baggage.get_baggage("tenant") == "acme"  # passed on by calls the job makes
        assert trace.get_current_span() is span
    assert baggage.get_baggage("tenant") is None

    run = next(s for s in spans.get_finished_spans() if s.name == "run a.task")
    assert run.kind is SpanKind.CONSUMER
    assert run.parent is None
    (link,) = run.links
    assert link.context.trace_id == deferring.get_span_context().trace_id
    assert link.context.span_id == deferring.get_span_context().span_id
    assert run.context is not None
    assert run.context.trace_id != deferring.get_span_context().trace_id


def test_a_job_nobody_deferred_has_no_link(spans: InMemorySpanExporter) -> None:
    with job_span("run periodic", carrier=None):
        pass
    (run,) = spans.get_finished_spans()
    assert (run.parent, run.links) == (None, ())


# --- log lines ----------------------------------------------------------------------------------


def test_log_lines_carry_the_trace_and_span_of_the_current_span(
    spans: InMemorySpanExporter, log_lines: io.StringIO
) -> None:
    logger = logging.getLogger("mercato.test")
    logger.warning("outside")
    with tracer.start_as_current_span("outer"), tracer.start_as_current_span("inner") as inner:
        logger.warning("inside")
    outside, inside = lines(log_lines)
    assert (outside["trace_id"], outside["span_id"]) == (None, None)
    trace_id, span_id = hex_ids(inner)  # type: ignore[arg-type]
    assert (inside["trace_id"], inside["span_id"], inside["service"]) == (trace_id, span_id, "svc")


@pytest.mark.django_db
def test_the_request_line_carries_the_server_span_in_the_callers_trace(
    spans: InMemorySpanExporter, log_lines: io.StringIO
) -> None:
    DjangoInstrumentor().instrument(tracer_provider=trace.get_tracer_provider())
    try:
        response = Client().get("/healthz", HTTP_TRACEPARENT=f"00-{TRACE_ID}-{PARENT_SPAN_ID}-01")
    finally:
        DjangoInstrumentor().uninstrument()
    assert response.status_code == 200
    (server_span,) = [s for s in spans.get_finished_spans() if s.kind is SpanKind.SERVER]
    assert server_span.parent is not None
    assert trace.format_span_id(server_span.parent.span_id) == PARENT_SPAN_ID
    (line,) = [line for line in lines(log_lines) if line["logger"] == "mercato.request"]
    assert (line["trace_id"], line["span_id"]) == hex_ids(server_span)
    assert line["trace_id"] == TRACE_ID


def test_a_job_log_line_carries_the_jobs_span_and_its_requests_id(
    spans: InMemorySpanExporter, log_lines: io.StringIO
) -> None:
    set_guid("the-deferring-request")
    try:
        with job_span("run a.task", carrier=None) as span:
            logging.getLogger("mercato.test").info("job work")
    finally:
        clear_guid()
    (line,) = lines(log_lines)
    assert (line["trace_id"], line["span_id"], line["request_id"]) == (*hex_ids(span), "the-deferring-request")  # type: ignore[arg-type]
