from enum import StrEnum


class UsersListQErrorComponentAttr(StrEnum):
    Q = "q"

    def __str__(self) -> str:
        return str(self.value)
