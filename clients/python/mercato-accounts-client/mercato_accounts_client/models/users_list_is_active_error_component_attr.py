from enum import StrEnum


class UsersListIsActiveErrorComponentAttr(StrEnum):
    IS_ACTIVE = "is_active"

    def __str__(self) -> str:
        return str(self.value)
