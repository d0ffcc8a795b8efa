from enum import StrEnum


class ContentTooLargeErrorCodeEnum(StrEnum):
    CONTENT_TOO_LARGE = "content_too_large"

    def __str__(self) -> str:
        return str(self.value)
