from enum import StrEnum


class ReportsOrdersExportDateFromErrorComponentAttr(StrEnum):
    DATE_FROM = "date_from"

    def __str__(self) -> str:
        return str(self.value)
