from enum import StrEnum


class ReservationsStatesIdsINDEXErrorComponentCode(StrEnum):
    INVALID = "invalid"
    NULL = "null"
    REQUIRED = "required"

    def __str__(self) -> str:
        return str(self.value)
