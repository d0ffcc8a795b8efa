from enum import StrEnum


class UsersListJoinedAfterErrorComponentAttr(StrEnum):
    JOINED_AFTER = "joined_after"

    def __str__(self) -> str:
        return str(self.value)
