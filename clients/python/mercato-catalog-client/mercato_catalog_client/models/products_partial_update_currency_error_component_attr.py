from enum import StrEnum


class ProductsPartialUpdateCurrencyErrorComponentAttr(StrEnum):
    CURRENCY = "currency"

    def __str__(self) -> str:
        return str(self.value)
