"""A job deferred by a request keeps its trace (common/jobs.py): procrastinate's real worker runs a
product import uploaded inside a traced request, in a span linked to the deferral."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from opentelemetry.trace import SpanKind
from rest_framework.test import APIClient

from catalog_service.catalog.models import Category
from catalog_service.catalog.services.imports import PRODUCT_IMPORT_TASK
from common.jobs import REQUEST_ID_KEY, TRACE_CONTEXT_KEY, TracingJobManager, trace_job
from common.tracing import tracer
from devtools.testing.tracing import recorded_spans
from tests.catalog.helpers import run_queued_imports
from tests.catalog.test_imports import GOOD_AND_BAD, URL


@pytest.fixture
def chairs(make_category: Callable[..., Category]) -> Category:
    furniture = make_category("Furniture", slug="furniture")
    return make_category("Chairs", slug="chairs", parent=furniture)


def test_the_app_defers_through_the_tracing_manager_and_runs_jobs_in_trace_job() -> None:
    from procrastinate.contrib.django import app

    assert isinstance(app.job_manager, TracingJobManager)
    assert trace_job in (app.worker_defaults.get("worker_middleware") or [])


@pytest.mark.django_db(transaction=True)
def test_an_import_runs_in_a_span_linked_to_the_request_that_deferred_it(
    staff_client: APIClient, chairs: Category
) -> None:
    spans = recorded_spans()
    spans.clear()
    with tracer.start_as_current_span("POST product-imports", kind=SpanKind.SERVER) as request_span:
        response = staff_client.post(
            URL,
            {"file": SimpleUploadedFile("products.csv", GOOD_AND_BAD)},
            format="multipart",
            HTTP_X_REQUEST_ID="upload-request",
        )
    assert response.status_code == 202, response.content

    # What the queue holds: the task's own argument, and the deferral's context beside it.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, args FROM procrastinate_jobs WHERE task_name = %s AND args->>'import_id' = %s",
            [PRODUCT_IMPORT_TASK, response.json()["id"]],
        )
        ((job_id, raw),) = cursor.fetchall()
    args = json.loads(raw)  # Django's connection leaves jsonb undecoded
    assert args["import_id"] == response.json()["id"]
    assert args[TRACE_CONTEXT_KEY][REQUEST_ID_KEY] == "upload-request"
    assert args[TRACE_CONTEXT_KEY]["traceparent"].startswith("00-")

    # The worker, until the queue is empty. The task takes only import_id: it succeeds only if
    # the worker middleware took the context out.
    run_queued_imports()
    job = staff_client.get(f"{URL}{response.json()['id']}/").json()
    assert (job["status"], job["created"]) == ("succeeded", 2)

    finished = spans.get_finished_spans()
    (defer,) = [s for s in finished if s.name == "defer catalog.product_import_run"]
    # Only this test's job: procrastinate's tables outlive a test database's flush.
    (run,) = [s for s in finished if (s.attributes or {}).get("messaging.message.id") == str(job_id)]
    assert run.name == "run catalog.product_import_run"
    assert defer.kind is SpanKind.PRODUCER
    assert defer.parent is not None
    assert defer.parent.span_id == request_span.get_span_context().span_id
    assert run.kind is SpanKind.CONSUMER
    assert run.parent is None  # a trace of its own ...
    (link,) = run.links  # ... linked to the deferral, in the request's trace
    assert defer.context is not None
    assert (link.context.trace_id, link.context.span_id) == (defer.context.trace_id, defer.context.span_id)
    assert run.attributes is not None
    assert run.attributes["messaging.destination.name"] == "imports"
    assert run.attributes["mercato.job.task"] == "catalog.product_import_run"
