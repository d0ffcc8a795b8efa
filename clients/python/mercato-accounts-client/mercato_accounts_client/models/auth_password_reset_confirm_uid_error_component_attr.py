from enum import StrEnum


class AuthPasswordResetConfirmUidErrorComponentAttr(StrEnum):
    UID = "uid"

    def __str__(self) -> str:
        return str(self.value)
