from enum import StrEnum


class AuthRegisterPasswordErrorComponentAttr(StrEnum):
    PASSWORD = "password"

    def __str__(self) -> str:
        return str(self.value)
