"""Schema helpers for the orders API."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from drf_spectacular.utils import OpenApiParameter
from drf_standardized_errors.openapi_utils import get_flat_serializer_fields, get_serializer_fields_with_error_codes
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import serializers

from common.schema import idempotency_key_parameter, replayed_parameter

V = TypeVar("V")

IDEMPOTENCY_KEY_PARAMETER = idempotency_key_parameter(
    required=True, description="Unique per order you mean to place (e.g. a UUID); kept at least 24 hours."
)
REPLAYED_PARAMETER = replayed_parameter(201, 202)
RETRY_AFTER_PARAMETER = OpenApiParameter(
    "Retry-After", int, OpenApiParameter.HEADER, response=[409, 503], description="Seconds to wait before retrying."
)


def document_query_errors(serializer_class: type[serializers.Serializer[Any]]) -> Callable[[V], V]:
    """Document the 400 a view's query parameters can answer (drf-standardized-errors only
    derives it for request bodies and django-filter forms)."""
    fields = get_serializer_fields_with_error_codes(get_flat_serializer_fields(serializer_class()))

    def decorate(view: V) -> V:
        for field in fields:
            view = extend_validation_errors(sorted(field.error_codes), field_name=field.name, methods=["get"])(view)  # type: ignore[type-var]
        return view

    return decorate
