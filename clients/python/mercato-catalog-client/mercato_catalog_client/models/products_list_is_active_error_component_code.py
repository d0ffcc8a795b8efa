from enum import StrEnum


class ProductsListIsActiveErrorComponentCode(StrEnum):
    INVALID = "invalid"

    def __str__(self) -> str:
        return str(self.value)
