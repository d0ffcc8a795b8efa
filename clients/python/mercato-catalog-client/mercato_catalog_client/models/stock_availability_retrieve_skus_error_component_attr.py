from enum import StrEnum


class StockAvailabilityRetrieveSkusErrorComponentAttr(StrEnum):
    SKUS = "skus"

    def __str__(self) -> str:
        return str(self.value)
