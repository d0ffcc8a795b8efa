from enum import StrEnum


class StaffOrdersListPageSizeErrorComponentCode(StrEnum):
    INVALID = "invalid"

    def __str__(self) -> str:
        return str(self.value)
