from enum import StrEnum


class UsersListJoinedBeforeErrorComponentCode(StrEnum):
    INVALID = "invalid"

    def __str__(self) -> str:
        return str(self.value)
