from enum import StrEnum


class OrdersCreateLinesINDEXErrorComponentCode(StrEnum):
    NULL = "null"

    def __str__(self) -> str:
        return str(self.value)
