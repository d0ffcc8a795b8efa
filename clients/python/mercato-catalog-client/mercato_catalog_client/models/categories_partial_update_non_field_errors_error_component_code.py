from enum import StrEnum


class CategoriesPartialUpdateNonFieldErrorsErrorComponentCode(StrEnum):
    INVALID = "invalid"
    NULL = "null"

    def __str__(self) -> str:
        return str(self.value)
