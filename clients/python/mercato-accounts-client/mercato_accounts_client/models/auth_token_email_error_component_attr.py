from enum import StrEnum


class AuthTokenEmailErrorComponentAttr(StrEnum):
    EMAIL = "email"

    def __str__(self) -> str:
        return str(self.value)
