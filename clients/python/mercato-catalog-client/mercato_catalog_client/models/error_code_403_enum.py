from enum import StrEnum


class ErrorCode403Enum(StrEnum):
    PERMISSION_DENIED = "permission_denied"

    def __str__(self) -> str:
        return str(self.value)
