from enum import StrEnum


class ProductsExportUpdatedSinceErrorComponentAttr(StrEnum):
    UPDATED_SINCE = "updated_since"

    def __str__(self) -> str:
        return str(self.value)
