"""Schema helpers for the orders API."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter

from common.schema import idempotency_key_parameter, replayed_parameter

IDEMPOTENCY_KEY_PARAMETER = idempotency_key_parameter(
    required=True, description="Unique per order you mean to place (e.g. a UUID); kept at least 24 hours."
)
REPLAYED_PARAMETER = replayed_parameter(201, 202)
# Every 503 documents its Retry-After already (common/openapi_errors.py).
RETRY_AFTER_PARAMETER = OpenApiParameter(
    "Retry-After", int, OpenApiParameter.HEADER, response=[409], description="Seconds to wait before retrying."
)
