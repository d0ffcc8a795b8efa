from enum import StrEnum


class ProductsListPriceMinErrorComponentAttr(StrEnum):
    PRICE_MIN = "price_min"

    def __str__(self) -> str:
        return str(self.value)
