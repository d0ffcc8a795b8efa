from enum import StrEnum


class UsersListJoinedBeforeErrorComponentAttr(StrEnum):
    JOINED_BEFORE = "joined_before"

    def __str__(self) -> str:
        return str(self.value)
