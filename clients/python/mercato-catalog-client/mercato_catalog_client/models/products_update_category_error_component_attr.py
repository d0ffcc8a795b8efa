from enum import StrEnum


class ProductsUpdateCategoryErrorComponentAttr(StrEnum):
    CATEGORY = "category"

    def __str__(self) -> str:
        return str(self.value)
