"""Background jobs (procrastinate) that keep the trace and the request id of what deferred them.

Every job is deferred through its app's ``JobManager`` (``task.defer()``,
``app.configure_task(...).defer()``, their batch and async forms), so the context is recorded
there, once for every task: ``TracingJobManager`` wraps the deferral in a producer span and
stores that span's W3C context (``traceparent``, ``tracestate``, ``baggage``) and the current
``X-Request-ID`` in the job's arguments under ``TRACE_CONTEXT_KEY``. procrastinate's jobs have
no other field for it (3.10: queue, lock, task name, arguments), and the arguments are what a
retry runs again, so a retried job keeps its link.

The worker runs every job inside ``trace_job``, a worker middleware: it takes the key out of
the arguments before the task sees them, runs the job in a consumer span of its own that links
to the producer span (common.tracing.job_span), and makes the deferring request's id the
current request id, so the job's log lines carry the trace and span of the job and the id of
the request that asked for it. A periodic job, which no request deferred, gets a fresh id and a
span without a link.

Both are installed by ``on_app_ready`` (``PROCRASTINATE_ON_APP_READY``).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, Final

from django_guid import clear_guid, get_guid, set_guid
from opentelemetry.trace import SpanKind
from procrastinate import App, JobContext
from procrastinate.jobs import Job
from procrastinate.manager import JobManager
from procrastinate.middleware import AsyncCallNext
from procrastinate.worker import Worker

from common.tracing import inject_context, job_span, tracer

__all__ = ["TRACE_CONTEXT_KEY", "TracingJobManager", "on_app_ready", "trace_job"]

# The job argument that carries the deferring context. No task has a parameter of this name:
# trace_job removes it before the task is called.
TRACE_CONTEXT_KEY: Final = "_trace_context"
REQUEST_ID_KEY: Final = "x-request-id"


def deferral_context() -> dict[str, str]:
    """The current trace context, baggage and request id, as a job argument (maybe empty)."""
    carrier: dict[str, str] = {}
    inject_context(carrier)
    if request_id := get_guid():
        carrier[REQUEST_ID_KEY] = request_id
    return carrier


def _with_context(jobs: list[Job]) -> list[Job]:
    carrier = deferral_context()
    if not carrier:
        return jobs
    return [job.evolve(task_kwargs={**job.task_kwargs, TRACE_CONTEXT_KEY: carrier}) for job in jobs]


def _producer_span_name(jobs: list[Job]) -> str:
    names = {job.task_name for job in jobs}
    return f"defer {names.pop()}" if len(names) == 1 else "defer jobs"


class TracingJobManager(JobManager):
    """procrastinate's JobManager, recording the deferring context in each job it defers.

    Both single and batch deferrals, sync and async, end in the two batch methods. Periodic
    jobs are deferred by the worker's own scheduler (``defer_periodic_job``) and keep no context:
    nothing deferred them but the clock.
    """

    def batch_defer_jobs(self, jobs: list[Job], connection: Any | None = None) -> list[Job]:
        with tracer.start_as_current_span(_producer_span_name(jobs), kind=SpanKind.PRODUCER) as span:
            span.set_attribute("messaging.system", "procrastinate")
            deferred = super().batch_defer_jobs(_with_context(jobs), connection)
            span.set_attribute("mercato.job_ids", [job.id for job in deferred if job.id is not None])
            return deferred

    async def batch_defer_jobs_async(self, jobs: list[Job], connection: Any | None = None) -> list[Job]:
        with tracer.start_as_current_span(_producer_span_name(jobs), kind=SpanKind.PRODUCER) as span:
            span.set_attribute("messaging.system", "procrastinate")
            deferred = await super().batch_defer_jobs_async(_with_context(jobs), connection)
            span.set_attribute("mercato.job_ids", [job.id for job in deferred if job.id is not None])
            return deferred


def _carrier(value: object) -> Mapping[str, str] | None:
    # Arguments come back from the database as JSON; anything but a flat object of strings (an
    # argument written by hand in the admin) is ignored rather than failing the job.
    if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return value
    return None


async def trace_job(call_next: AsyncCallNext, context: JobContext, worker: Worker) -> Any:
    """procrastinate worker middleware: run the job in a span linked to whatever deferred it.

    The worker calls the task with ``context.job.task_kwargs`` after every middleware has run,
    so taking the key out of that dict here keeps it from the task (procrastinate 3.10, pinned;
    tests/catalog/test_job_tracing.py runs a real worker over a traced deferral).
    """
    job = context.job
    carrier = _carrier(job.task_kwargs.pop(TRACE_CONTEXT_KEY, None))
    request_id = (carrier or {}).get(REQUEST_ID_KEY) or uuid.uuid4().hex
    attributes = {
        "messaging.system": "procrastinate",
        "messaging.destination.name": job.queue,
        "messaging.message.id": str(job.id),
        "mercato.job.task": job.task_name,
        "mercato.job.attempt": job.attempts + 1,
    }
    set_guid(request_id)
    try:
        with job_span(f"run {job.task_name}", carrier=carrier, attributes=attributes):
            return await call_next()
    finally:
        clear_guid()


def on_app_ready(app: App) -> None:
    """procrastinate's ``ON_APP_READY`` hook of every service: deferrals record their context and
    the worker traces each job. (The periodic tasks run elsewhere are dropped once the service's
    tasks are registered, by common.periodic.register_tasks.)"""
    app.job_manager = TracingJobManager(app.connector)
    middleware = list(app.worker_defaults.get("worker_middleware") or [])
    app.worker_defaults = {**app.worker_defaults, "worker_middleware": [*middleware, trace_job]}
