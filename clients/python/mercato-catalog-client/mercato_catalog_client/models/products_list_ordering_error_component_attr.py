from enum import StrEnum


class ProductsListOrderingErrorComponentAttr(StrEnum):
    ORDERING = "ordering"

    def __str__(self) -> str:
        return str(self.value)
