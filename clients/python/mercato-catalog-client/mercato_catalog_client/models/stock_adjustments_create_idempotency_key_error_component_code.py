from enum import StrEnum


class StockAdjustmentsCreateIdempotencyKeyErrorComponentCode(StrEnum):
    INVALID = "invalid"

    def __str__(self) -> str:
        return str(self.value)
