from enum import StrEnum


class ProductsExportCategoryErrorComponentAttr(StrEnum):
    CATEGORY = "category"

    def __str__(self) -> str:
        return str(self.value)
