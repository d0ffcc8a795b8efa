from enum import StrEnum


class StockAdjustmentsCreateReferenceErrorComponentAttr(StrEnum):
    REFERENCE = "reference"

    def __str__(self) -> str:
        return str(self.value)
