"""/metrics: django-prometheus' export, plus collectors a service names in ``METRICS_COLLECTORS``.

Those collectors read state that lives in the database rather than in a process (e.g. orders'
last reconciliation, written by a worker or a CronJob pod): every web process reports the same
value, and it survives restarts. In prometheus_client's multiprocess mode the export builds a
fresh registry per scrape, so the collectors are added to it there.

They run in a thread of their own and the page waits for them ``METRICS_COLLECTORS_TIMEOUT``
seconds at most: while the database hangs or cannot be reached, each would wait for a connection
(``DB_POOL_TIMEOUT``, ``DB_CONNECT_TIMEOUT``), the scrape would outlast Prometheus' timeout, and
every series would be lost, the request metrics that show the outage included. The page is then
served without their series; ``mercato_metrics_collectors_timeouts_total`` counts those scrapes.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import TimeoutError as FutureTimeout
from functools import cache

import prometheus_client
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string
from prometheus_client import Counter, multiprocess
from prometheus_client.registry import Collector

from common.single_flight import SingleFlight

logger = logging.getLogger(__name__)

COLLECTOR_TIMEOUTS = Counter(
    "mercato_metrics_collectors_timeouts",
    "Scrapes served without the database-backed series, their collectors not done in time.",
)


@cache
def _extra_collectors() -> tuple[Collector, ...]:
    return tuple(import_string(path)() for path in getattr(settings, "METRICS_COLLECTORS", ()))


def metrics_page() -> bytes:
    """The exposition text of this process (of every gunicorn worker in multiprocess mode) and of
    the ``METRICS_COLLECTORS``: what /metrics serves, in a web process and in a worker's."""
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        registry = prometheus_client.CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry = prometheus_client.REGISTRY
    page = prometheus_client.generate_latest(registry)
    if collectors := _extra_collectors():
        page += _collected_in_time(collectors)
    return page


# One scrape's collection at a time: a scrape that finds the last one still running (the
# database hung) waits for it rather than queueing another.
collection: SingleFlight[bytes] = SingleFlight(thread_name="metrics-collectors")


def _collected_in_time(collectors: tuple[Collector, ...]) -> bytes:
    if settings.METRICS_COLLECTORS_TIMEOUT <= 0:
        # No limit: read in the request's own thread (and transaction: in-process tests).
        return _registry_page(collectors)
    try:
        return collection.result(lambda: _registry_page(collectors), timeout=settings.METRICS_COLLECTORS_TIMEOUT)
    except FutureTimeout:
        COLLECTOR_TIMEOUTS.inc()
        logger.warning(
            "metrics collectors not done in time; served without their series",
            extra={"timeout_seconds": settings.METRICS_COLLECTORS_TIMEOUT},
        )
        return b""


def _registry_page(collectors: tuple[Collector, ...]) -> bytes:
    # Their own registry per scrape: never registered on the global one, whose other users (a
    # one-off command's export) would then query the database.
    extra = prometheus_client.CollectorRegistry(auto_describe=False)
    for collector in collectors:
        extra.register(collector)
    return prometheus_client.generate_latest(extra)


def metrics_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse(metrics_page(), content_type=prometheus_client.CONTENT_TYPE_LATEST)
