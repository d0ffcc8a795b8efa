from enum import StrEnum


class ProductImportsCreateFileErrorComponentAttr(StrEnum):
    FILE = "file"

    def __str__(self) -> str:
        return str(self.value)
