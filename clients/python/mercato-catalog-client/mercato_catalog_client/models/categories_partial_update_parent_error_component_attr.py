from enum import StrEnum


class CategoriesPartialUpdateParentErrorComponentAttr(StrEnum):
    PARENT = "parent"

    def __str__(self) -> str:
        return str(self.value)
