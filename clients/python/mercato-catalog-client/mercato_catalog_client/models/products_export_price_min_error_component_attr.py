from enum import StrEnum


class ProductsExportPriceMinErrorComponentAttr(StrEnum):
    PRICE_MIN = "price_min"

    def __str__(self) -> str:
        return str(self.value)
