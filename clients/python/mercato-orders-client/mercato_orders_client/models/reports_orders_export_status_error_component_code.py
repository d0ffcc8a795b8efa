from enum import StrEnum


class ReportsOrdersExportStatusErrorComponentCode(StrEnum):
    INVALID_CHOICE = "invalid_choice"
    NULL = "null"

    def __str__(self) -> str:
        return str(self.value)
