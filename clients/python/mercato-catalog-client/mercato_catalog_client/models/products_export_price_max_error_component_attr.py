from enum import StrEnum


class ProductsExportPriceMaxErrorComponentAttr(StrEnum):
    PRICE_MAX = "price_max"

    def __str__(self) -> str:
        return str(self.value)
