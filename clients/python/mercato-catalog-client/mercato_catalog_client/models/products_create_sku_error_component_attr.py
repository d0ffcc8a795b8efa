from enum import StrEnum


class ProductsCreateSkuErrorComponentAttr(StrEnum):
    SKU = "sku"

    def __str__(self) -> str:
        return str(self.value)
