from enum import StrEnum


class ReportsOrdersExportStatusErrorComponentAttr(StrEnum):
    STATUS = "status"

    def __str__(self) -> str:
        return str(self.value)
