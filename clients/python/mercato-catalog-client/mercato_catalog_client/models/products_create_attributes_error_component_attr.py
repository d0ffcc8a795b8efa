from enum import StrEnum


class ProductsCreateAttributesErrorComponentAttr(StrEnum):
    ATTRIBUTES = "attributes"

    def __str__(self) -> str:
        return str(self.value)
