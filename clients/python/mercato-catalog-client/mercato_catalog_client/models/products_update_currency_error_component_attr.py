from enum import StrEnum


class ProductsUpdateCurrencyErrorComponentAttr(StrEnum):
    CURRENCY = "currency"

    def __str__(self) -> str:
        return str(self.value)
