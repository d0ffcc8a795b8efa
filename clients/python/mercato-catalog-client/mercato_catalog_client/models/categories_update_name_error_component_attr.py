from enum import StrEnum


class CategoriesUpdateNameErrorComponentAttr(StrEnum):
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
