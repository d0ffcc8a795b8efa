from enum import StrEnum


class StaffOrdersHistoryCursorErrorComponentCode(StrEnum):
    INVALID_CURSOR = "invalid_cursor"

    def __str__(self) -> str:
        return str(self.value)
