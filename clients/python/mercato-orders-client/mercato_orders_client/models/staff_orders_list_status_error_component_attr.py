from enum import StrEnum


class StaffOrdersListStatusErrorComponentAttr(StrEnum):
    STATUS = "status"

    def __str__(self) -> str:
        return str(self.value)
