from enum import StrEnum


class StaffOrdersHistoryPageSizeErrorComponentCode(StrEnum):
    INVALID = "invalid"

    def __str__(self) -> str:
        return str(self.value)
