from enum import StrEnum


class StockAdjustmentsCreateQuantityErrorComponentAttr(StrEnum):
    QUANTITY = "quantity"

    def __str__(self) -> str:
        return str(self.value)
