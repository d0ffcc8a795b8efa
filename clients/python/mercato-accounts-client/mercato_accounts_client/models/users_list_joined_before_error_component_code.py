from enum import StrEnum


class UsersListJoinedBeforeErrorComponentCode(StrEnum):
    INVALID = "invalid"
    MAX_VALUE = "max_value"
    MIN_VALUE = "min_value"

    def __str__(self) -> str:
        return str(self.value)
