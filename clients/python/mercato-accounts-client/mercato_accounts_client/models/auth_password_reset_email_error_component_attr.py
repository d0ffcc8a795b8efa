from enum import StrEnum


class AuthPasswordResetEmailErrorComponentAttr(StrEnum):
    EMAIL = "email"

    def __str__(self) -> str:
        return str(self.value)
