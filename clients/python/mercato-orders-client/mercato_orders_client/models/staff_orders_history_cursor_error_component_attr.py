from enum import StrEnum


class StaffOrdersHistoryCursorErrorComponentAttr(StrEnum):
    CURSOR = "cursor"

    def __str__(self) -> str:
        return str(self.value)
