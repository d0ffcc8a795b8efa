from enum import StrEnum


class CategoriesCreateSlugErrorComponentAttr(StrEnum):
    SLUG = "slug"

    def __str__(self) -> str:
        return str(self.value)
