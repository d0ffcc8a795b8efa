from enum import StrEnum


class ReservationsCreateLinesINDEXErrorComponentCode(StrEnum):
    NULL = "null"

    def __str__(self) -> str:
        return str(self.value)
