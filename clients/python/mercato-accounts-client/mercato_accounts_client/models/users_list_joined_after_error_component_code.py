from enum import StrEnum


class UsersListJoinedAfterErrorComponentCode(StrEnum):
    INVALID = "invalid"

    def __str__(self) -> str:
        return str(self.value)
