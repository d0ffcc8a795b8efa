from enum import StrEnum


class ReservationsCreateIdempotencyKeyErrorComponentAttr(StrEnum):
    IDEMPOTENCY_KEY = "Idempotency-Key"

    def __str__(self) -> str:
        return str(self.value)
