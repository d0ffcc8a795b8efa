from enum import StrEnum


class ProductsUpdatePriceErrorComponentAttr(StrEnum):
    PRICE = "price"

    def __str__(self) -> str:
        return str(self.value)
