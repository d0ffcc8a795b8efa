"""Seeing the spans a test makes: in this process (``recorded_spans``), or sent by real service
processes to an OTLP/HTTP receiver the test runs (``otlp_receiver``)."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from opentelemetry import trace
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from devtools.testing.http_server import Answer, LocalHTTPServer, Received, local_http_server


@functools.cache
def recorded_spans() -> InMemorySpanExporter:
    """The exporter that receives, as each ends, every span this process records from now on.

    A process has one global tracer provider, settable once: the first call installs one (or
    joins the one ``configure_tracing`` installed) and later calls share its exporter; clear it
    between tests.
    """
    provider = trace.get_tracer_provider()
    if not isinstance(provider, TracerProvider):
        provider = TracerProvider(resource=Resource.create({SERVICE_NAME: "mercato-test"}))
        trace.set_tracer_provider(provider)
    exporter = InMemorySpanExporter()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return exporter


# --- a real OTLP/HTTP receiver -------------------------------------------------------------------


@dataclass(frozen=True)
class ReceivedSpan:
    """One span as an OTLP exporter sent it, ids in W3C hex ("" for no parent)."""

    service: str
    name: str
    kind: int  # opentelemetry.proto.trace.v1.Span.SpanKind
    trace_id: str
    span_id: str
    parent_span_id: str
    links: tuple[tuple[str, str], ...]  # (trace_id, span_id) of each link
    attributes: dict[str, object]
    status_code: int


class OTLPReceiver:
    """The traces endpoint of an OpenTelemetry collector (OTLP over HTTP, protobuf), in a thread
    on 127.0.0.1. Point a process at it with ``OTEL_EXPORTER_OTLP_ENDPOINT=receiver.url``."""

    def __init__(self, server: LocalHTTPServer) -> None:
        self._server = server
        self._spans: list[ReceivedSpan] = []
        self._lock = threading.Lock()
        server.respond = self._receive

    @property
    def url(self) -> str:
        return self._server.url

    def spans(self) -> list[ReceivedSpan]:
        with self._lock:
            return list(self._spans)

    def wait_for(self, predicate: Callable[[list[ReceivedSpan]], bool], *, timeout: float = 15.0) -> list[ReceivedSpan]:
        """The spans received, once ``predicate`` holds for them; AssertionError after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            spans = self.spans()
            if predicate(spans):
                return spans
            if time.monotonic() > deadline:
                raise AssertionError(f"not received in {timeout:.0f} s; got {[(s.service, s.name) for s in spans]}")
            time.sleep(0.1)

    def _receive(self, received: Received) -> Answer:
        if received.method != "POST" or received.path != "/v1/traces":
            return Answer(404)
        if received.headers.get("Content-Type", received.headers.get("content-type")) != "application/x-protobuf":
            return Answer(415)
        request = ExportTraceServiceRequest()
        request.ParseFromString(received.body)
        spans = []
        for resource_spans in request.resource_spans:
            resource = {a.key: a.value.string_value for a in resource_spans.resource.attributes}
            for scope_spans in resource_spans.scope_spans:
                for span in scope_spans.spans:
                    spans.append(
                        ReceivedSpan(
                            service=resource.get("service.name", ""),
                            name=span.name,
                            kind=span.kind,
                            trace_id=span.trace_id.hex(),
                            span_id=span.span_id.hex(),
                            parent_span_id=span.parent_span_id.hex(),
                            links=tuple((link.trace_id.hex(), link.span_id.hex()) for link in span.links),
                            attributes={a.key: _value(a.value) for a in span.attributes},
                            status_code=span.status.code,
                        )
                    )
        with self._lock:
            self._spans.extend(spans)
        # An empty ExportTraceServiceResponse: everything accepted.
        return Answer(200, headers={"Content-Type": "application/x-protobuf"})


def _value(value: object) -> object:
    kind = value.WhichOneof("value")  # type: ignore[attr-defined]
    return getattr(value, kind) if kind in {"string_value", "int_value", "bool_value", "double_value"} else str(value)


@contextmanager
def otlp_receiver() -> Iterator[OTLPReceiver]:
    with local_http_server() as server:
        yield OTLPReceiver(server)
