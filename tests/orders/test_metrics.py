"""orders' /metrics reads its job queue from the database at each scrape (common/worker.py's
JobQueueCollector), so every web pod reports the worker's backlog, whether or not a worker runs."""

from __future__ import annotations

import pytest
from django.db import connection
from procrastinate.contrib.django import app as procrastinate_app
from prometheus_client.parser import text_string_to_metric_families
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def queue_gauges() -> dict[tuple[str, str], float]:
    text = APIClient().get("/metrics").content.decode()
    return {
        (sample.name, sample.labels["queue"]): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name.startswith("mercato_jobs_")
    }


def test_the_orders_queue_is_reported_with_its_depth_and_oldest_wait() -> None:
    with connection.cursor() as cursor:
        # A reused test database may hold waiting jobs of earlier runs: out of the way (this
        # test's transaction is rolled back).
        cursor.execute("UPDATE procrastinate_jobs SET status = 'cancelled' WHERE status = 'todo'")
    before = queue_gauges()
    # Reported even when nothing waits.
    assert before[("mercato_jobs_waiting", "orders")] == 0
    assert before[("mercato_jobs_oldest_waiting_age_seconds", "orders")] == 0
    first = procrastinate_app.configure_task(name="orders_service.orders.tasks.purge_idempotency_records").defer(
        timestamp=0
    )
    procrastinate_app.configure_task(name="orders_service.orders.tasks.reconcile_orders").defer(timestamp=0)
    with connection.cursor() as cursor:
        # The first was queued five minutes ago.
        cursor.execute("UPDATE procrastinate_events SET at = now() - interval '300 seconds' WHERE job_id = %s", [first])
    after = queue_gauges()
    assert after[("mercato_jobs_waiting", "orders")] == 2
    assert 300 <= after[("mercato_jobs_oldest_waiting_age_seconds", "orders")] < 400
