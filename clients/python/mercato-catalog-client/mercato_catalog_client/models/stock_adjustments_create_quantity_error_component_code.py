from enum import StrEnum


class StockAdjustmentsCreateQuantityErrorComponentCode(StrEnum):
    INSUFFICIENT_STOCK = "insufficient_stock"
    INVALID = "invalid"
    MAX_STRING_LENGTH = "max_string_length"
    MAX_VALUE = "max_value"
    MIN_VALUE = "min_value"
    NULL = "null"
    OUT_OF_RANGE = "out_of_range"
    REQUIRED = "required"

    def __str__(self) -> str:
        return str(self.value)
