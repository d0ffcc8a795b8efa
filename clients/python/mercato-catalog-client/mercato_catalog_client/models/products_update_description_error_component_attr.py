from enum import StrEnum


class ProductsUpdateDescriptionErrorComponentAttr(StrEnum):
    DESCRIPTION = "description"

    def __str__(self) -> str:
        return str(self.value)
