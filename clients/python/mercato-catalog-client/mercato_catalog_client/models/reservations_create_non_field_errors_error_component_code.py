from enum import StrEnum


class ReservationsCreateNonFieldErrorsErrorComponentCode(StrEnum):
    INVALID = "invalid"
    NULL = "null"

    def __str__(self) -> str:
        return str(self.value)
