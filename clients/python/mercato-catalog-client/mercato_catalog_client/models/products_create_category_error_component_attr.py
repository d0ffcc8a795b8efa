from enum import StrEnum


class ProductsCreateCategoryErrorComponentAttr(StrEnum):
    CATEGORY = "category"

    def __str__(self) -> str:
        return str(self.value)
