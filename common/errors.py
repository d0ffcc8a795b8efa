"""Errors outside DRF views answer in the same JSON shape as drf-standardized-errors.

Django's own 404/500 pages (an unknown URL, a crash before a view runs) would otherwise be
HTML, and API clients would have to parse two error formats.
"""

import sys

import psycopg
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, JsonResponse
from rest_framework import exceptions, status

CONTENT_TOO_LARGE_CODE = "content_too_large"
# A request that lost its database session (common/exception_handler.py): any operation can
# draw it.
DATABASE_UNAVAILABLE_CODE = "database_unavailable"
DATABASE_UNAVAILABLE_DETAIL = "The database is unavailable; try again shortly."
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
    # Django calls it while it handles the exception, so sys.exc_info() is that exception. A
    # page that lost its database (the admin during a failover) is a 503 to retry, as in the API
    # (common/exception_handler.py), logged once at WARNING by RequestLogMiddleware.
    if lost_the_database(sys.exc_info()[1]):
        response = _error(503, "server_error", DATABASE_UNAVAILABLE_CODE, DATABASE_UNAVAILABLE_DETAIL)
        response["Retry-After"] = "1"
        response._has_been_logged = True  # type: ignore[attr-defined]  # read by django.utils.log.log_response
        return response
    return _error(500, "server_error", "error", "A server error occurred.")


# SQLSTATEs of a session the server ended or would not start: the server shutting down or
# restarting, a failover or switchover, a session terminated (pg_terminate_backend), too many
# connections; class 08 is every connection exception.
_SESSION_ENDED_STATES = frozenset({"57P01", "57P02", "57P03", "53300"})


def lost_the_database(exc: BaseException | None) -> bool:
    """Whether ``exc`` says the request has no database session, rather than that its SQL failed:
    no connection could be had (refused, or none free within the pool's timeout), or the session
    ended under the request. psycopg's own connection errors carry no SQLSTATE."""
    if isinstance(exc, InterfaceError):  # the connection was already closed
        return True
    if not isinstance(exc, OperationalError) or not isinstance(exc.__cause__, psycopg.OperationalError):
        return False
    state = exc.__cause__.sqlstate
    return state is None or state.startswith("08") or state in _SESSION_ENDED_STATES


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
