from enum import StrEnum


class StockAdjustmentsCreateReasonErrorComponentAttr(StrEnum):
    REASON = "reason"

    def __str__(self) -> str:
        return str(self.value)
