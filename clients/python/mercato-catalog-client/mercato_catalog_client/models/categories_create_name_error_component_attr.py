from enum import StrEnum


class CategoriesCreateNameErrorComponentAttr(StrEnum):
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
