from enum import StrEnum


class CategoriesUpdateParentErrorComponentAttr(StrEnum):
    PARENT = "parent"

    def __str__(self) -> str:
        return str(self.value)
