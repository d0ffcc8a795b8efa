from enum import StrEnum


class ProductImportsCreateFileFormatErrorComponentCode(StrEnum):
    INVALID_CHOICE = "invalid_choice"
    NULL = "null"
    UNKNOWN_FORMAT = "unknown_format"

    def __str__(self) -> str:
        return str(self.value)
