"""The catalog's domain refusals as HTTP errors, in the standard error shape, and the
serializers that document the bodies drf-standardized-errors has none for (409, 412, 422).

The body is always ``{"type": ..., "errors": [{"code", "detail", "attr"}, ...]}``. A shortage
adds ``sku``, ``requested`` and ``available`` to each of its errors, so that a caller can act on
it without parsing the text; ``CatalogExceptionFormatter`` puts them there.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from drf_standardized_errors.formatter import ExceptionFormatter
from drf_standardized_errors.types import ErrorResponse
from rest_framework import exceptions, serializers, status
from rest_framework.exceptions import ErrorDetail

from catalog_service.catalog import exceptions as domain
from common.fields import StrictCharField
from common.openapi_errors import ClientErrorResponseSerializer, ErrorSerializer


class ConflictErrorCode(models.TextChoices):
    SKU_TAKEN = "sku_taken"
    SLUG_TAKEN = "slug_taken"
    CATEGORY_IN_USE = "category_in_use"
    PRODUCT_IN_USE = "product_in_use"
    INSUFFICIENT_STOCK = "insufficient_stock"
    RESERVATION_STATE_CONFLICT = "reservation_state_conflict"
    RESERVATION_EXPIRED = "reservation_expired"
    IDEMPOTENCY_REQUEST_IN_FLIGHT = "idempotency_request_in_flight"


class PreconditionFailedErrorCode(models.TextChoices):
    PRECONDITION_FAILED = "precondition_failed"


class UnprocessableErrorCode(models.TextChoices):
    UNKNOWN_SKU = "unknown_sku"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"


# --- exceptions ---------------------------------------------------------------------------------


class ConflictError(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The resource has changed since you read it; read it again and retry."
    default_code = "precondition_failed"


class DetailedError(exceptions.APIException):
    """An error whose entries carry fields beyond code, detail and attr (``extras``, in order)."""

    def __init__(self, detail: dict[str, ErrorDetail], extras: list[dict[str, Any]], status_code: int) -> None:
        super().__init__(detail)
        self.status_code = status_code
        self.extras = extras


class CatalogExceptionFormatter(ExceptionFormatter):
    """drf-standardized-errors' formatter, plus the extra fields of a ``DetailedError``."""

    def format_error_response(self, error_response: ErrorResponse) -> Any:
        data = super().format_error_response(error_response)
        if isinstance(self.exc, DetailedError):
            for error, extra in zip(data["errors"], self.exc.extras, strict=False):
                error.update(extra)
        return data


def api_exception(exc: domain.CatalogError) -> exceptions.APIException:  # noqa: PLR0911  (one per refusal)
    """The HTTP error a domain refusal answers."""
    match exc:
        case domain.NotFound():
            return exceptions.NotFound(exc.message)
        case domain.InvalidInput():
            return exceptions.ValidationError({exc.field or "non_field_errors": [ErrorDetail(exc.message, exc.code)]})
        case domain.StaleWrite():
            return PreconditionFailed(exc.message)
        case domain.InsufficientStock():
            return DetailedError(
                {
                    f"lines.{s.line}.quantity": ErrorDetail(
                        f"{s.requested} of {s.sku} requested, {s.available} available.", "insufficient_stock"
                    )
                    for s in exc.shortages
                },
                [{"sku": s.sku, "requested": s.requested, "available": s.available} for s in exc.shortages],
                status.HTTP_409_CONFLICT,
            )
        case domain.UnknownSkus():
            return DetailedError(
                {
                    f"lines.{u.line}.sku": ErrorDetail(f"No active product has the SKU {u.sku}.", "unknown_sku")
                    for u in exc.unknown
                },
                [{"sku": u.sku} for u in exc.unknown],
                status.HTTP_422_UNPROCESSABLE_ENTITY,
            )
        case domain.Conflict():
            if exc.field:
                return DetailedError({exc.field: ErrorDetail(exc.message, exc.code)}, [], status.HTTP_409_CONFLICT)
            return ConflictError(exc.message, code=exc.code)
    raise TypeError(f"unmapped domain error {type(exc).__name__}")  # pragma: no cover


# --- documented bodies ---------------------------------------------------------------------------


class ConflictErrorSerializer(ErrorSerializer):
    code = serializers.ChoiceField(choices=ConflictErrorCode.choices)


class ConflictErrorResponseSerializer(ClientErrorResponseSerializer):
    errors = ConflictErrorSerializer(many=True)


class InsufficientStockErrorSerializer(ErrorSerializer):
    code = serializers.ChoiceField(choices=ConflictErrorCode.choices)
    attr = StrictCharField(allow_null=True, help_text="`lines.<index>.quantity` of the short line.")
    sku = StrictCharField(required=False, help_text="The short SKU (insufficient_stock only).")
    requested = serializers.IntegerField(required=False, help_text="The quantity asked for.")
    available = serializers.IntegerField(required=False, help_text="The quantity that could be held.")


class InsufficientStockErrorResponseSerializer(ClientErrorResponseSerializer):
    errors = InsufficientStockErrorSerializer(
        many=True, help_text="One entry per short line: every one, not the first."
    )


class PreconditionFailedErrorSerializer(ErrorSerializer):
    code = serializers.ChoiceField(choices=PreconditionFailedErrorCode.choices)


class PreconditionFailedErrorResponseSerializer(ClientErrorResponseSerializer):
    errors = PreconditionFailedErrorSerializer(many=True)


class UnprocessableErrorSerializer(ErrorSerializer):
    code = serializers.ChoiceField(choices=UnprocessableErrorCode.choices)
    attr = StrictCharField(allow_null=True, help_text="`lines.<index>.sku` of an unknown SKU.")
    sku = StrictCharField(required=False, help_text="The unknown SKU (unknown_sku only).")


class UnprocessableErrorResponseSerializer(ClientErrorResponseSerializer):
    errors = UnprocessableErrorSerializer(many=True)
