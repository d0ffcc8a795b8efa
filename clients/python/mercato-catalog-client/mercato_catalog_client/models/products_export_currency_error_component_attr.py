from enum import StrEnum


class ProductsExportCurrencyErrorComponentAttr(StrEnum):
    CURRENCY = "currency"

    def __str__(self) -> str:
        return str(self.value)
