"""The exception handler of every service: drf-standardized-errors', which also gives the errors
Django raises inside a view the status they deserve rather than a 500.

Its own module: DRF imports the parsers (common.request_limits) while it is still importing
itself, and drf-standardized-errors' handler imports DRF's views.
"""

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent, TooManyFilesSent
from drf_standardized_errors.handler import ExceptionHandler as StandardizedExceptionHandler
from rest_framework import exceptions, status
from rest_framework.response import Response

from common.errors import (
    CONTENT_TOO_LARGE_CODE,
    DATABASE_UNAVAILABLE_CODE,
    DATABASE_UNAVAILABLE_DETAIL,
    ServiceUnavailableError,
    lost_the_database,
)
from common.replicas import failed_on_replica


class ContentTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is larger than the limit."
    default_code = CONTENT_TOO_LARGE_CODE


class DatabaseUnavailable(ServiceUnavailableError):
    default_detail = DATABASE_UNAVAILABLE_DETAIL
    default_code = DATABASE_UNAVAILABLE_CODE


class ExceptionHandler(StandardizedExceptionHandler):
    """drf-standardized-errors' handler (``EXCEPTION_HANDLER_CLASS``), which reads Django's
    refusals of a request body as the client errors they are.

    Django raises them while a view reads ``request.data``: ``RequestDataTooBig`` (over
    ``DATA_UPLOAD_MAX_MEMORY_SIZE`` without files, e.g. a multipart upload's fields), and
    ``TooManyFieldsSent``/``TooManyFilesSent`` (a form or multipart body over
    ``DATA_UPLOAD_MAX_NUMBER_FIELDS``/``_FILES``). Outside DRF Django answers each with a 400;
    drf-standardized-errors, which handles every exception, would report a 500 and log its
    traceback. A body too large is a 413, as RequestBodyLimitMiddleware answers before any read.

    A request that lost its database (a restart, a failover, a database refusing connections or
    out of them) is a 503 with Retry-After in the error shape, which clients retry, not a 500: the
    transaction it had open ended with its session (writes that need more than one transaction
    have their own recovery: docs/orders.md).

    It reports every other 5xx as an unhandled exception, except a ``ServiceUnavailableError``,
    and answers none for a read replica that failed under a request: that one goes on to
    ``common.replicas.ReplicaReadsMiddleware``, which runs the view again on the primary.
    """

    def run(self) -> Response | None:
        if failed_on_replica(self.exc):
            return None  # DRF raises it again
        return super().run()

    def report_exception(self, exc: exceptions.APIException, response: Response) -> None:
        if isinstance(exc, ServiceUnavailableError):
            return
        super().report_exception(exc, response)

    def convert_known_exceptions(self, exc: Exception) -> Exception:
        if isinstance(exc, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent):
            return ContentTooLarge(str(exc) or None)
        if isinstance(exc, SuspiciousOperation):
            return exceptions.ParseError(str(exc) or None)
        if lost_the_database(exc):
            return DatabaseUnavailable()
        return super().convert_known_exceptions(exc)
