from enum import StrEnum


class CategoriesPartialUpdateSlugErrorComponentAttr(StrEnum):
    SLUG = "slug"

    def __str__(self) -> str:
        return str(self.value)
