from enum import StrEnum


class ProductsUpdateNonFieldErrorsErrorComponentCode(StrEnum):
    INVALID = "invalid"
    NULL = "null"

    def __str__(self) -> str:
        return str(self.value)
