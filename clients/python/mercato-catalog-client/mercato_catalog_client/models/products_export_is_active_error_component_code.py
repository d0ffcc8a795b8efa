from enum import StrEnum


class ProductsExportIsActiveErrorComponentCode(StrEnum):
    INVALID = "invalid"

    def __str__(self) -> str:
        return str(self.value)
