from enum import StrEnum


class ProductsListCursorErrorComponentAttr(StrEnum):
    CURSOR = "cursor"

    def __str__(self) -> str:
        return str(self.value)
