from enum import StrEnum


class OrdersCreateLinesErrorComponentAttr(StrEnum):
    LINES = "lines"

    def __str__(self) -> str:
        return str(self.value)
