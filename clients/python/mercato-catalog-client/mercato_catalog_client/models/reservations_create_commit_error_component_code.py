from enum import StrEnum


class ReservationsCreateCommitErrorComponentCode(StrEnum):
    INVALID = "invalid"
    NULL = "null"

    def __str__(self) -> str:
        return str(self.value)
