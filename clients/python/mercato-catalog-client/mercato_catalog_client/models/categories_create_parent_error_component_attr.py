from enum import StrEnum


class CategoriesCreateParentErrorComponentAttr(StrEnum):
    PARENT = "parent"

    def __str__(self) -> str:
        return str(self.value)
