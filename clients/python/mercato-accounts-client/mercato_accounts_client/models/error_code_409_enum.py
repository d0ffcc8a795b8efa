from enum import StrEnum


class ErrorCode409Enum(StrEnum):
    CONFLICT = "conflict"

    def __str__(self) -> str:
        return str(self.value)
