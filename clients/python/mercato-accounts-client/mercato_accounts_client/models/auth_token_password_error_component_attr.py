from enum import StrEnum


class AuthTokenPasswordErrorComponentAttr(StrEnum):
    PASSWORD = "password"

    def __str__(self) -> str:
        return str(self.value)
