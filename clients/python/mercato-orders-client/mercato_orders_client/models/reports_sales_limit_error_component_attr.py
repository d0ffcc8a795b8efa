from enum import StrEnum


class ReportsSalesLimitErrorComponentAttr(StrEnum):
    LIMIT = "limit"

    def __str__(self) -> str:
        return str(self.value)
