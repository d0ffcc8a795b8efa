from enum import StrEnum


class CategoriesPartialUpdateNameErrorComponentAttr(StrEnum):
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
