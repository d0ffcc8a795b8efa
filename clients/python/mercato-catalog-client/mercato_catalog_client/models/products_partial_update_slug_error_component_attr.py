from enum import StrEnum


class ProductsPartialUpdateSlugErrorComponentAttr(StrEnum):
    SLUG = "slug"

    def __str__(self) -> str:
        return str(self.value)
