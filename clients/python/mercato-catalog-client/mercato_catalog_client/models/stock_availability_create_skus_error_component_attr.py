from enum import StrEnum


class StockAvailabilityCreateSkusErrorComponentAttr(StrEnum):
    SKUS = "skus"

    def __str__(self) -> str:
        return str(self.value)
