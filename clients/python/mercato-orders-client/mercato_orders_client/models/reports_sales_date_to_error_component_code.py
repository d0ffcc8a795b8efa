from enum import StrEnum


class ReportsSalesDateToErrorComponentCode(StrEnum):
    DATETIME = "datetime"
    INVALID = "invalid"
    NULL = "null"
    REQUIRED = "required"

    def __str__(self) -> str:
        return str(self.value)
