from enum import StrEnum


class ReportsOrdersExportDateToErrorComponentCode(StrEnum):
    DATETIME = "datetime"
    INVALID = "invalid"
    MAX_VALUE = "max_value"
    MIN_VALUE = "min_value"
    NULL = "null"
    REQUIRED = "required"

    def __str__(self) -> str:
        return str(self.value)
