from enum import StrEnum


class StockMovementsListCursorErrorComponentAttr(StrEnum):
    CURSOR = "cursor"

    def __str__(self) -> str:
        return str(self.value)
