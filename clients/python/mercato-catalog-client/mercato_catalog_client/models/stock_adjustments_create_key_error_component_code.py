from enum import StrEnum


class StockAdjustmentsCreateKEYErrorComponentCode(StrEnum):
    NOT_ALLOWED = "not_allowed"

    def __str__(self) -> str:
        return str(self.value)
