from enum import StrEnum


class ReportsOrdersExportDateToErrorComponentAttr(StrEnum):
    DATE_TO = "date_to"

    def __str__(self) -> str:
        return str(self.value)
