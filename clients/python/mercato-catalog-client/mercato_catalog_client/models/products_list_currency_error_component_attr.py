from enum import StrEnum


class ProductsListCurrencyErrorComponentAttr(StrEnum):
    CURRENCY = "currency"

    def __str__(self) -> str:
        return str(self.value)
