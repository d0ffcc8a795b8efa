from enum import StrEnum


class ProductImportsCreateFileErrorComponentCode(StrEnum):
    EMPTY = "empty"
    INVALID = "invalid"
    MAX_LENGTH = "max_length"
    NO_NAME = "no_name"
    NULL = "null"
    REQUIRED = "required"

    def __str__(self) -> str:
        return str(self.value)
