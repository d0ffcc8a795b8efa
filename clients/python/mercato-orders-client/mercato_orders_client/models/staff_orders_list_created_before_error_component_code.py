from enum import StrEnum


class StaffOrdersListCreatedBeforeErrorComponentCode(StrEnum):
    DATE = "date"
    INVALID = "invalid"
    MAKE_AWARE = "make_aware"
    MAX_VALUE = "max_value"
    MIN_VALUE = "min_value"
    NULL = "null"
    OVERFLOW = "overflow"

    def __str__(self) -> str:
        return str(self.value)
