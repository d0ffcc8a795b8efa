from enum import StrEnum


class ErrorCodeEnum(StrEnum):
    AUTHENTICATION_FAILED = "authentication_failed"
    AUTHENTICATION_UNAVAILABLE = "authentication_unavailable"
    CONTENT_TOO_LARGE = "content_too_large"
    DATABASE_UNAVAILABLE = "database_unavailable"
    DOWNSTREAM_UNAVAILABLE = "downstream_unavailable"
    ERROR = "error"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    IDEMPOTENCY_REQUEST_IN_FLIGHT = "idempotency_request_in_flight"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    NOT_ACCEPTABLE = "not_acceptable"
    NOT_AUTHENTICATED = "not_authenticated"
    NOT_FOUND = "not_found"
    ORDER_CANCELLATION_IN_FLIGHT = "order_cancellation_in_flight"
    ORDER_STATE_CONFLICT = "order_state_conflict"
    PERMISSION_DENIED = "permission_denied"
    REQUEST_HEADER_FIELDS_TOO_LARGE = "request_header_fields_too_large"
    STOCK_RETURN_REFUSED = "stock_return_refused"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    URI_TOO_LONG = "uri_too_long"

    def __str__(self) -> str:
        return str(self.value)
