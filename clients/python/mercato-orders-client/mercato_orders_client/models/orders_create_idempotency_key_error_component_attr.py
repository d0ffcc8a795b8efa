from enum import StrEnum


class OrdersCreateIdempotencyKeyErrorComponentAttr(StrEnum):
    IDEMPOTENCY_KEY = "Idempotency-Key"

    def __str__(self) -> str:
        return str(self.value)
