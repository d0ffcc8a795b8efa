from enum import StrEnum


class ProductsPartialUpdateDescriptionErrorComponentAttr(StrEnum):
    DESCRIPTION = "description"

    def __str__(self) -> str:
        return str(self.value)
