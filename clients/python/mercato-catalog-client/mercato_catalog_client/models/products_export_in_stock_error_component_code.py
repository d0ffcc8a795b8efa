from enum import StrEnum


class ProductsExportInStockErrorComponentCode(StrEnum):
    INVALID = "invalid"

    def __str__(self) -> str:
        return str(self.value)
