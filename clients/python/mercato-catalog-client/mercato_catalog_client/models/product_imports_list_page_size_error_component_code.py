from enum import StrEnum


class ProductImportsListPageSizeErrorComponentCode(StrEnum):
    INVALID = "invalid"

    def __str__(self) -> str:
        return str(self.value)
