from enum import StrEnum


class ProductsExportPriceMaxErrorComponentCode(StrEnum):
    INVALID = "invalid"
    MAX_DECIMAL_PLACES = "max_decimal_places"
    MAX_DIGITS = "max_digits"
    MAX_STRING_LENGTH = "max_string_length"
    MAX_WHOLE_DIGITS = "max_whole_digits"
    MIN_VALUE = "min_value"
    NULL = "null"

    def __str__(self) -> str:
        return str(self.value)
