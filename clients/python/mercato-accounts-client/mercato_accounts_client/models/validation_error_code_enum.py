from enum import StrEnum


class ValidationErrorCodeEnum(StrEnum):
    BLANK = "blank"
    INVALID = "invalid"
    INVALID_CHOICE = "invalid_choice"
    INVALID_CURSOR = "invalid_cursor"
    INVALID_SCOPE = "invalid_scope"
    MAX_LENGTH = "max_length"
    MAX_VALUE = "max_value"
    MIN_VALUE = "min_value"
    NOT_ALLOWED = "not_allowed"
    NULL = "null"
    NULL_CHARACTERS_NOT_ALLOWED = "null_characters_not_allowed"
    PARSE_ERROR = "parse_error"
    PASSWORD_ENTIRELY_NUMERIC = "password_entirely_numeric"
    PASSWORD_TOO_COMMON = "password_too_common"
    PASSWORD_TOO_SHORT = "password_too_short"
    PASSWORD_TOO_SIMILAR = "password_too_similar"
    REQUIRED = "required"
    SURROGATE_CHARACTERS_NOT_ALLOWED = "surrogate_characters_not_allowed"

    def __str__(self) -> str:
        return str(self.value)
