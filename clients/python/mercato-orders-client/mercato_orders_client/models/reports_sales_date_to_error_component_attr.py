from enum import StrEnum


class ReportsSalesDateToErrorComponentAttr(StrEnum):
    DATE_TO = "date_to"

    def __str__(self) -> str:
        return str(self.value)
