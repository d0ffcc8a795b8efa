from enum import StrEnum


class ProductsListQErrorComponentAttr(StrEnum):
    Q = "q"

    def __str__(self) -> str:
        return str(self.value)
