from enum import StrEnum


class UsersListIsStaffErrorComponentAttr(StrEnum):
    IS_STAFF = "is_staff"

    def __str__(self) -> str:
        return str(self.value)
