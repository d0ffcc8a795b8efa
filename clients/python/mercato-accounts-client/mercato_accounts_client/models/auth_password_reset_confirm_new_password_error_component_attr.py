from enum import StrEnum


class AuthPasswordResetConfirmNewPasswordErrorComponentAttr(StrEnum):
    NEW_PASSWORD = "new_password"

    def __str__(self) -> str:
        return str(self.value)
