from enum import StrEnum


class ProductsUpdateSlugErrorComponentAttr(StrEnum):
    SLUG = "slug"

    def __str__(self) -> str:
        return str(self.value)
