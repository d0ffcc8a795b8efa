from enum import StrEnum


class UsersMePasswordNewPasswordErrorComponentAttr(StrEnum):
    NEW_PASSWORD = "new_password"

    def __str__(self) -> str:
        return str(self.value)
