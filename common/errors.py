"""Errors outside DRF views answer in the same JSON shape as drf-standardized-errors.

Django's own 404/500 pages (an unknown URL, a crash before a view runs) would otherwise be
HTML, and API clients would have to parse two error formats.
"""

from django.http import HttpRequest, JsonResponse
from rest_framework import exceptions, status

CONTENT_TOO_LARGE_CODE = "content_too_large"
# A request that lost its database session (common/exception_handler.py): any operation can
# draw it.
DATABASE_UNAVAILABLE_CODE = "database_unavailable"
# The keys to verify tokens cannot be had (common/auth/authentication.py): any operation that
# reads a bearer token in a service that fetches accounts' JWKS can draw it.
AUTHENTICATION_UNAVAILABLE_CODE = "authentication_unavailable"


def _error(status: int, error_type: str, code: str, detail: str) -> JsonResponse:
    return JsonResponse(
        {"type": error_type, "errors": [{"code": code, "detail": detail, "attr": None}]},
        status=status,
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return _error(400, "client_error", "bad_request", "Bad request.")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return _error(403, "client_error", "permission_denied", "You do not have permission to perform this action.")


def not_found(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return _error(404, "client_error", "not_found", "Not found.")


def server_error(request: HttpRequest) -> JsonResponse:
    return _error(500, "server_error", "error", "A server error occurred.")


def content_too_large(limit: int) -> JsonResponse:
    """413 for a body over ``limit`` bytes (common.request_limits)."""
    detail = f"The request body is larger than the limit of {limit} bytes."
    return _error(413, "client_error", CONTENT_TOO_LARGE_CODE, detail)


class ServiceUnavailableError(exceptions.APIException):
    """503: something this request needs is away (a downstream, the keys to verify a token).

    A documented answer the client retries, not a crash: the handler does not report it as one
    (no ERROR line, no traceback, no got_request_exception); RequestLogMiddleware logs the
    request at WARNING with its reason. ``wait`` (seconds) is sent as Retry-After.
    """

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "A service this request needs is unavailable; try again shortly."
    default_code = "service_unavailable"
    wait: int = 1
