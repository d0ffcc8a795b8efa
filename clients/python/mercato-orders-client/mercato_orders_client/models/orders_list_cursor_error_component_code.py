from enum import StrEnum


class OrdersListCursorErrorComponentCode(StrEnum):
    INVALID_CURSOR = "invalid_cursor"

    def __str__(self) -> str:
        return str(self.value)
