import logging
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django_prometheus.exports import ExportToDjangoView

from common import health

logger = logging.getLogger("mercato.request")


def _principal(request: HttpRequest) -> str | None:
    """Who made the request: a user id, a service client, or nobody.

    DRF authenticates inside the view and writes the user back onto the Django request, so
    by the time the response comes back here it is known.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return str(getattr(user, "principal", None) or user.pk)


class RequestLogMiddleware:
    """Writes one structured log line per request, after the response is known."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        logger.info(
            "request",
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "user": _principal(request),
            },
        )
        return response


class ProbeMiddleware:
    """Answers the probes and the metrics scrape before Django checks the Host header.

    The kubelet probes a pod at ``Host: <pod-ip>:<port>`` and Prometheus scrapes it the same
    way; no ALLOWED_HOSTS list can name every pod address, and the host check would answer
    them 400. It sits just before CommonMiddleware (the first layer to call
    ``request.get_host()``), so probes are still counted, logged and given a request id.
    """

    endpoints: dict[str, Callable[[HttpRequest], HttpResponse]] = {  # noqa: RUF012  (read-only)
        "/healthz": health.healthz,
        "/readyz": health.readyz,
        "/metrics": ExportToDjangoView,
    }

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        view = self.endpoints.get(request.path_info)
        if view is None:
            return self.get_response(request)
        return view(request)
