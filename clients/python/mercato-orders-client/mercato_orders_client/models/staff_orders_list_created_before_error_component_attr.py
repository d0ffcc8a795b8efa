from enum import StrEnum


class StaffOrdersListCreatedBeforeErrorComponentAttr(StrEnum):
    CREATED_BEFORE = "created_before"

    def __str__(self) -> str:
        return str(self.value)
