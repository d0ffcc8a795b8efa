import logging
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

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
