from enum import StrEnum


class ProductsListInStockErrorComponentAttr(StrEnum):
    IN_STOCK = "in_stock"

    def __str__(self) -> str:
        return str(self.value)
