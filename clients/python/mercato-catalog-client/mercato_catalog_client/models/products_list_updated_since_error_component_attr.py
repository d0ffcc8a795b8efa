from enum import StrEnum


class ProductsListUpdatedSinceErrorComponentAttr(StrEnum):
    UPDATED_SINCE = "updated_since"

    def __str__(self) -> str:
        return str(self.value)
