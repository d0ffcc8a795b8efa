from enum import StrEnum


class ProductsExportOrderingErrorComponentAttr(StrEnum):
    ORDERING = "ordering"

    def __str__(self) -> str:
        return str(self.value)
