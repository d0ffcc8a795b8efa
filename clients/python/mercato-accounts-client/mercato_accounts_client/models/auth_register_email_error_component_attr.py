from enum import StrEnum


class AuthRegisterEmailErrorComponentAttr(StrEnum):
    EMAIL = "email"

    def __str__(self) -> str:
        return str(self.value)
