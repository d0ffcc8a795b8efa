"""OpenTelemetry tracing of requests, queries, calls between services and background jobs, off
unless an OTLP endpoint is configured.

The exporter reads the standard OTEL_* variables itself (endpoint, headers, protocol, and the
batch processor's OTEL_BSP_*), so operators configure it the way they configure any other
OpenTelemetry program.

One order, one trace (docs/architecture.md, "Tracing and logs"):

- Django's instrumentation starts a server span per request, as a child of the caller's
  ``traceparent`` when there is one, and makes the caller's ``baggage`` current;
- ``common.http`` wraps every call to another service in a client span and injects the current
  context (``traceparent``, ``tracestate``, ``baggage``) into its headers (``inject_context``);
- ``common.jobs`` records the context of the request that defers a job in the job's arguments,
  and the worker runs the job in a span of its own that *links* to it (``job_span``).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any

from opentelemetry import baggage, propagate, trace
from opentelemetry import context as otel_context
from opentelemetry.instrumentation.django import DjangoInstrumentor
from opentelemetry.instrumentation.psycopg import PsycopgInstrumentor
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter
from opentelemetry.trace import Link, Span, SpanKind

ENDPOINT_VARIABLES = ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")

# Before any provider is installed this is OpenTelemetry's proxy tracer: spans are non-recording
# and cost next to nothing; once configure_tracing() has run, the same tracer records.
tracer = trace.get_tracer("mercato")


def tracing_enabled() -> bool:
    return any(os.environ.get(name) for name in ENDPOINT_VARIABLES)


def configure_tracing(*, service_name: str, exporter: SpanExporter | None = None) -> bool:
    """Install the tracer provider and instrument Django and psycopg; return whether it did.

    ``exporter`` replaces the OTLP exporter (tests pass an in-memory one).
    """
    if exporter is None:
        if not tracing_enabled():
            return False
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        exporter = OTLPSpanExporter()
    provider = TracerProvider(resource=Resource.create({SERVICE_NAME: f"mercato-{service_name}"}))
    provider.add_span_processor(BatchSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    DjangoInstrumentor().instrument(tracer_provider=provider)
    PsycopgInstrumentor().instrument(tracer_provider=provider, skip_dep_check=True)
    return True


def inject_context(carrier: MutableMapping[str, str]) -> None:
    """Write the current trace context and baggage into ``carrier`` (headers, a job's arguments).

    The global propagator is W3C trace context plus W3C baggage unless OTEL_PROPAGATORS says
    otherwise; with no span current (tracing off) it writes nothing.
    """
    propagate.inject(carrier)


def current_ids() -> tuple[str, str] | None:
    """The current span's trace id and span id in W3C hex, or None when no span is current."""
    span_context = trace.get_current_span().get_span_context()
    if not span_context.is_valid:
        return None
    return trace.format_trace_id(span_context.trace_id), trace.format_span_id(span_context.span_id)


@contextlib.contextmanager
def job_span(
    name: str, *, carrier: Mapping[str, str] | None, attributes: Mapping[str, Any] | None = None
) -> Iterator[Span]:
    """A consumer span for one run of a background job, linked to the context in ``carrier``.

    The job runs after its request has answered, maybe minutes later and more than once (a
    retry): it is a trace of its own rather than a child of a request that has ended, and the
    link says which request deferred it. The carrier's baggage stays current while it runs, so
    calls the job makes to other services pass it on.
    """
    extracted = propagate.extract(carrier or {})
    linked = trace.get_current_span(extracted).get_span_context()
    links = [Link(linked)] if linked.is_valid else []
    # A new root: start from an empty context, keeping only the carrier's baggage.
    parent = otel_context.Context()
    for key, value in baggage.get_all(extracted).items():
        parent = baggage.set_baggage(key, value, context=parent)
    token = otel_context.attach(parent)
    try:
        with tracer.start_as_current_span(
            name, kind=SpanKind.CONSUMER, links=links, attributes=dict(attributes or {})
        ) as span:
            yield span
    finally:
        otel_context.detach(token)


class TraceIdsFilter(logging.Filter):
    """Adds ``trace_id`` and ``span_id`` of the current span to every record (None without one).

    A filter on the handler rather than OpenTelemetry's LoggingInstrumentor, which replaces the
    global record factory and writes "0" rather than nothing when no span is current.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        ids = current_ids()
        record.trace_id, record.span_id = ids if ids is not None else (None, None)
        return True
