from enum import StrEnum


class ProductsExportOrderingErrorComponentCode(StrEnum):
    INVALID = "invalid"
    INVALID_CHOICE = "invalid_choice"
    NULL = "null"

    def __str__(self) -> str:
        return str(self.value)
