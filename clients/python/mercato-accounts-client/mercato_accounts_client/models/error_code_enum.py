from enum import StrEnum


class ErrorCodeEnum(StrEnum):
    AUTHENTICATION_FAILED = "authentication_failed"
    CONFLICT = "conflict"
    CONTENT_TOO_LARGE = "content_too_large"
    DATABASE_UNAVAILABLE = "database_unavailable"
    ERROR = "error"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    NOT_ACCEPTABLE = "not_acceptable"
    NOT_AUTHENTICATED = "not_authenticated"
    NOT_FOUND = "not_found"
    PERMISSION_DENIED = "permission_denied"
    REQUEST_HEADER_FIELDS_TOO_LARGE = "request_header_fields_too_large"
    THROTTLED = "throttled"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    URI_TOO_LONG = "uri_too_long"

    def __str__(self) -> str:
        return str(self.value)
