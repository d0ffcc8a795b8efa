from enum import StrEnum


class ValidationErrorCodeEnum(StrEnum):
    BLANK = "blank"
    DATE = "date"
    DATETIME = "datetime"
    DOES_NOT_EXIST = "does_not_exist"
    INVALID = "invalid"
    INVALID_CHOICE = "invalid_choice"
    INVALID_CURSOR = "invalid_cursor"
    MAKE_AWARE = "make_aware"
    MAX_LENGTH = "max_length"
    MAX_STRING_LENGTH = "max_string_length"
    MAX_VALUE = "max_value"
    MIN_LENGTH = "min_length"
    MIN_VALUE = "min_value"
    NOT_ALLOWED = "not_allowed"
    NOT_A_LIST = "not_a_list"
    NULL = "null"
    NULL_CHARACTERS_NOT_ALLOWED = "null_characters_not_allowed"
    OVERFLOW = "overflow"
    PARSE_ERROR = "parse_error"
    REQUIRED = "required"
    SHIPPING_ADDRESS_REQUIRED = "shipping_address_required"
    SURROGATE_CHARACTERS_NOT_ALLOWED = "surrogate_characters_not_allowed"
    UNIQUE = "unique"

    def __str__(self) -> str:
        return str(self.value)
