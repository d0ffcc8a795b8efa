from enum import StrEnum


class UsersMePasswordCurrentPasswordErrorComponentAttr(StrEnum):
    CURRENT_PASSWORD = "current_password"

    def __str__(self) -> str:
        return str(self.value)
