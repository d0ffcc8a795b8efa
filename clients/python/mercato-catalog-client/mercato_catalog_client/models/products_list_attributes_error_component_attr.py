from enum import StrEnum


class ProductsListAttributesErrorComponentAttr(StrEnum):
    ATTRIBUTES = "attributes"

    def __str__(self) -> str:
        return str(self.value)
