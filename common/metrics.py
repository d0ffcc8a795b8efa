"""/metrics: django-prometheus' export, plus collectors a service names in ``METRICS_COLLECTORS``.

Those collectors read state that lives in the database rather than in a process (e.g. orders'
last reconciliation, written by a worker or a CronJob pod): every web process reports the same
value, and it survives restarts. In prometheus_client's multiprocess mode the export builds a
fresh registry per scrape, so the collectors are added to it there.
"""

from __future__ import annotations

import os
from functools import cache

import prometheus_client
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string
from prometheus_client import multiprocess
from prometheus_client.registry import Collector


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
        # Their own registry per scrape: never registered on the global one, whose other
        # users (a one-off command's export) would then query the database.
        extra = prometheus_client.CollectorRegistry(auto_describe=False)
        for collector in collectors:
            extra.register(collector)
        page += prometheus_client.generate_latest(extra)
    return page


def metrics_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse(metrics_page(), content_type=prometheus_client.CONTENT_TYPE_LATEST)
