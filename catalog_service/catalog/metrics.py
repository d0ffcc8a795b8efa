"""Business counters of catalog, served at /metrics with the rest: by the web processes (summed
over gunicorn workers in prometheus_client's multiprocess mode) and, for what runs there (product
imports, reservation expiry), by the worker's own /metrics (common/worker.py).

Each is incremented once the change it counts is committed: a rolled-back hold is no sale."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from django.db import DatabaseError
from prometheus_client import Counter
from prometheus_client.metrics_core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from catalog_service.catalog.selectors.search_index import search_freshness

IMPORT_ROWS: Final = Counter(
    "mercato_catalog_import_rows",
    "Rows of product imports, by outcome: created, updated, unchanged, rejected.",
    ["outcome"],
)
IMPORTS_FINISHED: Final = Counter(
    "mercato_catalog_imports_finished", "Product imports finished, by status: succeeded, failed.", ["status"]
)
RESERVATIONS: Final = Counter(
    "mercato_catalog_reservations",
    "Reservation requests, by outcome: held, sold (held and committed at once), replayed (an "
    "Idempotency-Key seen before), insufficient_stock, unknown_sku, key_reused.",
    ["outcome"],
)
RESERVATION_TRANSITIONS: Final = Counter(
    "mercato_catalog_reservation_transitions",
    "Reservations moved to a later state: committed, released, returned, expired.",
    ["to"],
)
STOCK_OUTS: Final = Counter(
    "mercato_catalog_stock_outs",
    "Products whose available stock (on hand less reserved) fell to zero, by cause: reservation "
    "(a hold or a sale), adjustment (a staff change).",
    ["cause"],
)
EXPORT_ROWS: Final = Counter("mercato_catalog_export_rows", "Product rows streamed by exports, by format.", ["format"])

# Every label value exists from the start, at 0: Prometheus' increase() and rate() see a series
# only from its second sample, so the first failed import after a restart would go unnoticed by
# an alert if its series appeared with it (docs/deploy.md, "Alerts").
for _counter, _values in (
    (IMPORT_ROWS, ("created", "updated", "unchanged", "rejected")),
    (IMPORTS_FINISHED, ("succeeded", "failed")),
    (RESERVATIONS, ("held", "sold", "replayed", "insufficient_stock", "unknown_sku", "key_reused")),
    (RESERVATION_TRANSITIONS, ("committed", "released", "returned", "expired")),
    (STOCK_OUTS, ("reservation", "adjustment")),
    (EXPORT_ROWS, ("csv", "ndjson", "parquet")),
):
    for _value in _values:
        _counter.labels(_value)


class SearchIndexCollector(Collector):
    """How far full-text search is behind the writes, read from the database at scrape time
    (METRICS_COLLECTORS): the products waiting for the indexing job and how long the oldest has
    waited (docs/catalog.md, "Search freshness"). Every web pod and worker reports the same
    values; alert on the age (it stays near 0 while the job keeps up)."""

    def collect(self) -> Iterator[Metric]:
        try:
            freshness = search_freshness()
        except DatabaseError:
            return  # /metrics answers without them; /readyz and the probes report the database
        yield GaugeMetricFamily(
            "mercato_catalog_search_waiting_products",
            "Products written since their search vector was set (not yet findable by their new text).",
            value=freshness.waiting,
        )
        yield GaugeMetricFamily(
            "mercato_catalog_search_oldest_waiting_age_seconds",
            "How long ago the oldest product waiting for the search indexer was written (0: none waits).",
            value=freshness.oldest_waiting_age_seconds,
        )
