"""/metrics waits for its database-backed collectors a bounded time (common/metrics.py): a
database that hangs costs the scrape those series, never the whole page."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any, ClassVar

import pytest
from django.db import connection
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from common import metrics

pytestmark = [pytest.mark.django_db, pytest.mark.metrics_collectors_thread]


class SlowDatabaseCollector(Collector):
    """Reads the database as the services' collectors do, through a query that takes ``seconds``."""

    seconds: ClassVar[float] = 0.0
    runs: ClassVar[list[str]] = []

    def collect(self) -> Iterator[GaugeMetricFamily]:
        type(self).runs.append(threading.current_thread().name)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(%s), 42", [type(self).seconds])
            (_, value) = cursor.fetchone()
        yield GaugeMetricFamily("mercato_test_database_value", "A value read from the database.", value=value)


@pytest.fixture
def slow_collector(settings: Any) -> Iterator[type[SlowDatabaseCollector]]:
    settings.METRICS_COLLECTORS = [f"{__name__}.SlowDatabaseCollector"]
    settings.METRICS_COLLECTORS_TIMEOUT = 0.5
    SlowDatabaseCollector.runs = []
    metrics._extra_collectors.cache_clear()
    yield SlowDatabaseCollector
    metrics._extra_collectors.cache_clear()
    if (running := metrics.collection.in_flight) is not None:
        running.result(timeout=30)  # the next test starts with no collection in flight


def timeouts() -> float:
    return float(metrics.COLLECTOR_TIMEOUTS._value.get())


def test_the_collectors_series_are_served_when_the_database_answers(
    slow_collector: type[SlowDatabaseCollector],
) -> None:
    page = metrics.metrics_page().decode()
    assert "mercato_test_database_value 42.0" in page
    (thread,) = slow_collector.runs
    assert thread.startswith("metrics-collectors")


def test_a_hanging_database_costs_its_series_not_the_page(slow_collector: type[SlowDatabaseCollector]) -> None:
    slow_collector.seconds = 3.0
    before = timeouts()

    started = time.monotonic()
    page = metrics.metrics_page().decode()
    assert time.monotonic() - started < 2.0  # the limit (0.5 s), not the query (3 s)
    assert "mercato_test_database_value" not in page
    assert "mercato_metrics_collectors_timeouts_total" in page  # the process's own series are there
    assert timeouts() == before + 1

    # A scrape meanwhile does not queue another collection behind the one still running.
    metrics.metrics_page()
    assert len(slow_collector.runs) == 1
    assert timeouts() == before + 2

    # Once the database answers again, so do the series.
    running = metrics.collection.in_flight
    assert running is not None
    running.result(timeout=30)
    slow_collector.seconds = 0.0
    assert "mercato_test_database_value 42.0" in metrics.metrics_page().decode()
    assert len(slow_collector.runs) == 2
