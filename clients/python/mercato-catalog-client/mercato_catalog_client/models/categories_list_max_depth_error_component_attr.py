from enum import StrEnum


class CategoriesListMaxDepthErrorComponentAttr(StrEnum):
    MAX_DEPTH = "max_depth"

    def __str__(self) -> str:
        return str(self.value)
