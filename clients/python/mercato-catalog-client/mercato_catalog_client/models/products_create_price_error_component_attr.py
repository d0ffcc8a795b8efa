from enum import StrEnum


class ProductsCreatePriceErrorComponentAttr(StrEnum):
    PRICE = "price"

    def __str__(self) -> str:
        return str(self.value)
