from enum import StrEnum


class ProductsCreateNameErrorComponentAttr(StrEnum):
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
