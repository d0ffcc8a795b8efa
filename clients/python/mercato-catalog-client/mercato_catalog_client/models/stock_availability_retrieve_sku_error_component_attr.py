from enum import StrEnum


class StockAvailabilityRetrieveSkuErrorComponentAttr(StrEnum):
    SKU = "sku"

    def __str__(self) -> str:
        return str(self.value)
