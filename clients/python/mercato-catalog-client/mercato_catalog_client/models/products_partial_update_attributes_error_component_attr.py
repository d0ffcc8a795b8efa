from enum import StrEnum


class ProductsPartialUpdateAttributesErrorComponentAttr(StrEnum):
    ATTRIBUTES = "attributes"

    def __str__(self) -> str:
        return str(self.value)
