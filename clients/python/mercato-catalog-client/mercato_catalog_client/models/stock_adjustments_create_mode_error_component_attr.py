from enum import StrEnum


class StockAdjustmentsCreateModeErrorComponentAttr(StrEnum):
    MODE = "mode"

    def __str__(self) -> str:
        return str(self.value)
