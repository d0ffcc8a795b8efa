from enum import StrEnum


class ProductsListInStockErrorComponentCode(StrEnum):
    INVALID = "invalid"

    def __str__(self) -> str:
        return str(self.value)
