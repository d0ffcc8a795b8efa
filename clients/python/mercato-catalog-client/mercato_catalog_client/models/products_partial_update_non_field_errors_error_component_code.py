from enum import StrEnum


class ProductsPartialUpdateNonFieldErrorsErrorComponentCode(StrEnum):
    INVALID = "invalid"
    NULL = "null"

    def __str__(self) -> str:
        return str(self.value)
