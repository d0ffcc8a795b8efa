from enum import StrEnum


class OrdersCreateLinesINDEXQuantityErrorComponentAttr(StrEnum):
    LINES_INDEX_QUANTITY = "lines.INDEX.quantity"

    def __str__(self) -> str:
        return str(self.value)
