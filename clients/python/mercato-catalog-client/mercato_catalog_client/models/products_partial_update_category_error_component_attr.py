from enum import StrEnum


class ProductsPartialUpdateCategoryErrorComponentAttr(StrEnum):
    CATEGORY = "category"

    def __str__(self) -> str:
        return str(self.value)
