from enum import StrEnum


class ProductsExportInStockErrorComponentAttr(StrEnum):
    IN_STOCK = "in_stock"

    def __str__(self) -> str:
        return str(self.value)
