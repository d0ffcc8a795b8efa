from enum import StrEnum


class StaffOrdersListCreatedAfterErrorComponentAttr(StrEnum):
    CREATED_AFTER = "created_after"

    def __str__(self) -> str:
        return str(self.value)
