from enum import StrEnum


class CategoriesUpdateSlugErrorComponentAttr(StrEnum):
    SLUG = "slug"

    def __str__(self) -> str:
        return str(self.value)
