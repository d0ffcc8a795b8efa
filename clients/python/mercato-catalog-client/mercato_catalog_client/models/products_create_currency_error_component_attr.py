from enum import StrEnum


class ProductsCreateCurrencyErrorComponentAttr(StrEnum):
    CURRENCY = "currency"

    def __str__(self) -> str:
        return str(self.value)
