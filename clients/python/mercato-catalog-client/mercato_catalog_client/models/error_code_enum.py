from enum import StrEnum


class ErrorCodeEnum(StrEnum):
    AUTHENTICATION_FAILED = "authentication_failed"
    AUTHENTICATION_UNAVAILABLE = "authentication_unavailable"
    CATEGORY_IN_USE = "category_in_use"
    CONTENT_TOO_LARGE = "content_too_large"
    DATABASE_UNAVAILABLE = "database_unavailable"
    ERROR = "error"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    IDEMPOTENCY_REQUEST_IN_FLIGHT = "idempotency_request_in_flight"
    INSUFFICIENT_STOCK = "insufficient_stock"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    NOT_ACCEPTABLE = "not_acceptable"
    NOT_AUTHENTICATED = "not_authenticated"
    NOT_FOUND = "not_found"
    PERMISSION_DENIED = "permission_denied"
    PRECONDITION_FAILED = "precondition_failed"
    PRODUCT_IN_USE = "product_in_use"
    REQUEST_HEADER_FIELDS_TOO_LARGE = "request_header_fields_too_large"
    RESERVATION_EXPIRED = "reservation_expired"
    RESERVATION_STATE_CONFLICT = "reservation_state_conflict"
    SKU_TAKEN = "sku_taken"
    SLUG_TAKEN = "slug_taken"
    UNKNOWN_SKU = "unknown_sku"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    URI_TOO_LONG = "uri_too_long"

    def __str__(self) -> str:
        return str(self.value)
