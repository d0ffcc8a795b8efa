from enum import StrEnum


class AuthPasswordResetKEYErrorComponentCode(StrEnum):
    NOT_ALLOWED = "not_allowed"

    def __str__(self) -> str:
        return str(self.value)
