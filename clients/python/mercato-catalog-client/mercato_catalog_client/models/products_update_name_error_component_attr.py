from enum import StrEnum


class ProductsUpdateNameErrorComponentAttr(StrEnum):
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
