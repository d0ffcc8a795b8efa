from enum import StrEnum


class ProductsListCategoryErrorComponentAttr(StrEnum):
    CATEGORY = "category"

    def __str__(self) -> str:
        return str(self.value)
