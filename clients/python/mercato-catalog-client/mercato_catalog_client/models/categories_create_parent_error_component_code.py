from enum import StrEnum


class CategoriesCreateParentErrorComponentCode(StrEnum):
    DOES_NOT_EXIST = "does_not_exist"
    INVALID = "invalid"
    MAX_STRING_LENGTH = "max_string_length"
    MAX_VALUE = "max_value"
    MIN_VALUE = "min_value"

    def __str__(self) -> str:
        return str(self.value)
