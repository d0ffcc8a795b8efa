from enum import StrEnum


class ProductsListPageSizeErrorComponentCode(StrEnum):
    INVALID = "invalid"

    def __str__(self) -> str:
        return str(self.value)
