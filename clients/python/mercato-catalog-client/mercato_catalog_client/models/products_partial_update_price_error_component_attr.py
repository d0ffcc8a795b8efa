from enum import StrEnum


class ProductsPartialUpdatePriceErrorComponentAttr(StrEnum):
    PRICE = "price"

    def __str__(self) -> str:
        return str(self.value)
