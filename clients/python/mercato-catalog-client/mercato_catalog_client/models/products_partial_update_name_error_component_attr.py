from enum import StrEnum


class ProductsPartialUpdateNameErrorComponentAttr(StrEnum):
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
