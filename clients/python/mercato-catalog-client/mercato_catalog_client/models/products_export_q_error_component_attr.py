from enum import StrEnum


class ProductsExportQErrorComponentAttr(StrEnum):
    Q = "q"

    def __str__(self) -> str:
        return str(self.value)
