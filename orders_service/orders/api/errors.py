"""The orders' domain refusals as HTTP errors in the standard shape, and the serializers that
document the error bodies drf-standardized-errors has none for (409, 422, 503)."""

from __future__ import annotations

from django.db import models
from rest_framework import exceptions, serializers, status
from rest_framework.exceptions import ErrorDetail

from common.errors import AUTHENTICATION_UNAVAILABLE_CODE, DATABASE_UNAVAILABLE_CODE, ServiceUnavailableError
from common.openapi_errors import ClientErrorResponseSerializer, ErrorSerializer, ServerErrorResponseSerializer
from orders_service.orders import exceptions as domain


class ConflictErrorCode(models.TextChoices):
    IDEMPOTENCY_REQUEST_IN_FLIGHT = "idempotency_request_in_flight"
    ORDER_STATE_CONFLICT = "order_state_conflict"
    ORDER_CANCELLATION_IN_FLIGHT = "order_cancellation_in_flight"
    STOCK_RETURN_REFUSED = "stock_return_refused"


class UnprocessableErrorCode(models.TextChoices):
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"


class UnavailableErrorCode(models.TextChoices):
    DOWNSTREAM_UNAVAILABLE = "downstream_unavailable"


class OrderConflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = ConflictErrorCode.ORDER_STATE_CONFLICT


class DownstreamUnavailableError(ServiceUnavailableError):
    """503 with Retry-After: a service this request needs is away; nothing was changed. An
    answer, not a crash: logged at WARNING with its reason (common.exception_handler)."""

    default_code = UnavailableErrorCode.DOWNSTREAM_UNAVAILABLE

    def __init__(self, detail: str, *, wait: int) -> None:
        super().__init__(detail)
        # drf-standardized-errors sends it as Retry-After.
        self.wait = wait


DEFAULT_RETRY_AFTER_SECONDS = 5


def api_exception(exc: domain.OrderError) -> exceptions.APIException:
    """The HTTP error a domain refusal answers."""
    match exc:
        case domain.OrderNotFound():
            return exceptions.NotFound(exc.message)
        case domain.CancellationInFlight():
            return OrderConflict(exc.message, code=ConflictErrorCode.ORDER_CANCELLATION_IN_FLIGHT)
        case domain.InvalidTransition():
            return OrderConflict(exc.message)
        case domain.StockReturnRefused():
            return OrderConflict(exc.message, code=ConflictErrorCode.STOCK_RETURN_REFUSED)
        case domain.ShippingAddressNotFound():
            return exceptions.ValidationError({"shipping_address_id": [ErrorDetail(exc.message, "does_not_exist")]})
        case domain.DependencyUnavailable():
            wait = DEFAULT_RETRY_AFTER_SECONDS if exc.retry_after is None else max(1, int(exc.retry_after + 0.999))
            return DownstreamUnavailableError(exc.message, wait=wait)
    raise TypeError(f"unmapped domain error {type(exc).__name__}")  # pragma: no cover


# --- documented bodies ---------------------------------------------------------------------------


class OrdersConflictErrorSerializer(ErrorSerializer):
    code = serializers.ChoiceField(choices=ConflictErrorCode.choices)


class OrdersConflictErrorResponseSerializer(ClientErrorResponseSerializer):
    errors = OrdersConflictErrorSerializer(many=True)


class OrdersUnprocessableErrorSerializer(ErrorSerializer):
    code = serializers.ChoiceField(choices=UnprocessableErrorCode.choices)


class OrdersUnprocessableErrorResponseSerializer(ClientErrorResponseSerializer):
    errors = OrdersUnprocessableErrorSerializer(many=True)


class OrdersUnavailableErrorSerializer(ErrorSerializer):
    # With the 503s any operation of the service can answer (common/openapi_errors.py).
    code = serializers.ChoiceField(
        choices=[
            *UnavailableErrorCode.choices,
            (AUTHENTICATION_UNAVAILABLE_CODE, AUTHENTICATION_UNAVAILABLE_CODE),
            (DATABASE_UNAVAILABLE_CODE, DATABASE_UNAVAILABLE_CODE),
        ]
    )


class OrdersUnavailableErrorResponseSerializer(ServerErrorResponseSerializer):
    errors = OrdersUnavailableErrorSerializer(many=True)
