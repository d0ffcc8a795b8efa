from enum import StrEnum


class StockAdjustmentsCreateIdempotencyKeyErrorComponentAttr(StrEnum):
    IDEMPOTENCY_KEY = "Idempotency-Key"

    def __str__(self) -> str:
        return str(self.value)
