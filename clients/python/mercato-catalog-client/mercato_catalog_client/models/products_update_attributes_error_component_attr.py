from enum import StrEnum


class ProductsUpdateAttributesErrorComponentAttr(StrEnum):
    ATTRIBUTES = "attributes"

    def __str__(self) -> str:
        return str(self.value)
