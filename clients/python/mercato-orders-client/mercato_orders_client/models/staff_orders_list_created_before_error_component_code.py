from enum import StrEnum


class StaffOrdersListCreatedBeforeErrorComponentCode(StrEnum):
    DATE = "date"
    INVALID = "invalid"
    MAKE_AWARE = "make_aware"
    NULL = "null"
    OVERFLOW = "overflow"

    def __str__(self) -> str:
        return str(self.value)
