from enum import StrEnum


class UsersMePartialUpdateNonFieldErrorsErrorComponentCode(StrEnum):
    INVALID = "invalid"
    NULL = "null"

    def __str__(self) -> str:
        return str(self.value)
