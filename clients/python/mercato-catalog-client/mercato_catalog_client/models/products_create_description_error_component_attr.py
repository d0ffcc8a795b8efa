from enum import StrEnum


class ProductsCreateDescriptionErrorComponentAttr(StrEnum):
    DESCRIPTION = "description"

    def __str__(self) -> str:
        return str(self.value)
