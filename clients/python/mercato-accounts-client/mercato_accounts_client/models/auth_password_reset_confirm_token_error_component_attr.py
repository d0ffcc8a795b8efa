from enum import StrEnum


class AuthPasswordResetConfirmTokenErrorComponentAttr(StrEnum):
    TOKEN = "token"

    def __str__(self) -> str:
        return str(self.value)
