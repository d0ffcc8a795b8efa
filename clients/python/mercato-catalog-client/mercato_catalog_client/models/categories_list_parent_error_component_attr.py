from enum import StrEnum


class CategoriesListParentErrorComponentAttr(StrEnum):
    PARENT = "parent"

    def __str__(self) -> str:
        return str(self.value)
