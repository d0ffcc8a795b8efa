from enum import StrEnum


class ProductsUpdateIsActiveErrorComponentAttr(StrEnum):
    IS_ACTIVE = "is_active"

    def __str__(self) -> str:
        return str(self.value)
