"""Business counters of orders, served at /metrics with the rest (summed over gunicorn workers
in prometheus_client's multiprocess mode)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from django.db import DatabaseError
from prometheus_client import Counter
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

ORDERS_PLACED: Final = Counter("mercato_orders_placed", "Orders recorded (pending) by POST /api/v1/orders/.")
ORDERS_CONFIRMED: Final = Counter("mercato_orders_confirmed", "Orders confirmed: their stock is sold.")
ORDERS_REJECTED: Final = Counter("mercato_orders_rejected", "Orders rejected, by reason.", ["reason"])
ORDERS_CANCELLED: Final = Counter("mercato_orders_cancelled", "Confirmed orders cancelled; stock returned.")
ORDERS_LEFT_CANCELLING: Final = Counter(
    "mercato_orders_left_cancelling",
    "Cancellation attempts that ended without a definite answer from catalog (recovery retries them).",
)
ORDERS_FULFILLED: Final = Counter("mercato_orders_fulfilled", "Confirmed orders fulfilled.")
ORDERS_LEFT_PENDING: Final = Counter(
    "mercato_orders_left_pending", "Saga runs that ended without a definite answer (recovery retries them)."
)


class ReconciliationCollector(Collector):
    """The last reconciliation with catalog (services/reconciliation.py), read from the database
    at scrape time (common/metrics.py): the run may have been a worker's or a CronJob's."""

    def collect(self) -> Iterator[Metric]:
        from orders_service.orders.models import Order, ReconciliationRun

        try:
            run = ReconciliationRun.objects.filter(pk=1).first()
            flagged = Order.objects.exclude(reconciliation_issue="").count()
        except DatabaseError:
            return  # /metrics answers without them; /readyz reports the database
        mismatches = GaugeMetricFamily(
            "mercato_orders_reconciliation_mismatches",
            "Orders that disagree with their catalog reservation (flagged by the last reconciliation runs).",
        )
        mismatches.add_metric([], flagged)
        yield mismatches
        last_run = GaugeMetricFamily(
            "mercato_orders_reconciliation_last_run_timestamp_seconds",
            "When the last reconciliation with catalog finished (Unix time; 0: never).",
        )
        last_run.add_metric([], run.finished_at.timestamp() if run else 0)
        yield last_run
        checked = GaugeMetricFamily(
            "mercato_orders_reconciliation_checked", "Orders the last reconciliation with catalog checked."
        )
        checked.add_metric([], run.checked if run else 0)
        yield checked
