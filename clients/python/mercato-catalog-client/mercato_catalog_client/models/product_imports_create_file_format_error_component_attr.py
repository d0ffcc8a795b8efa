from enum import StrEnum


class ProductImportsCreateFileFormatErrorComponentAttr(StrEnum):
    FILE_FORMAT = "file_format"

    def __str__(self) -> str:
        return str(self.value)
