from enum import StrEnum


class ProductsExportAttributesErrorComponentAttr(StrEnum):
    ATTRIBUTES = "attributes"

    def __str__(self) -> str:
        return str(self.value)
