import pytest
from django.db import connection
from django.test import Client
from opentelemetry.instrumentation.django import DjangoInstrumentor
from opentelemetry.instrumentation.psycopg import PsycopgInstrumentor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import get_tracer_provider

from common.tracing import configure_tracing


def test_tracing_is_off_without_an_otlp_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OTEL_EXPORTER_OTLP_ENDPOINT", raising=False)
    monkeypatch.delenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", raising=False)
    assert configure_tracing(service_name="test") is False


@pytest.mark.django_db(transaction=True)
def test_requests_and_queries_become_spans() -> None:
    exporter = InMemorySpanExporter()
    assert configure_tracing(service_name="test", exporter=exporter)
    # Connections opened before instrumentation (the test database's, the pool's) are plain.
    connection.close()
    connection.close_pool()
    try:
        # A new client builds its middleware chain after instrumentation, like a new worker.
        assert Client().get("/readyz").status_code == 200
        get_tracer_provider().force_flush()  # type: ignore[attr-defined]
    finally:
        DjangoInstrumentor().uninstrument()
        PsycopgInstrumentor().uninstrument()
    spans = exporter.get_finished_spans()
    assert any(span.name == "GET readyz" for span in spans), [span.name for span in spans]
    assert any(span.attributes and span.attributes.get("db.system") == "postgresql" for span in spans), [
        (span.name, dict(span.attributes or {})) for span in spans
    ]
    request_span = next(span for span in spans if span.name == "GET readyz")
    assert request_span.resource.attributes["service.name"] == "mercato-test"
