from enum import StrEnum


class ReservationsCreateIdempotencyKeyErrorComponentCode(StrEnum):
    INVALID = "invalid"
    REQUIRED = "required"

    def __str__(self) -> str:
        return str(self.value)
