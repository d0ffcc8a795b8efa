from enum import StrEnum


class StockAdjustmentsCreateReasonErrorComponentCode(StrEnum):
    INVALID_CHOICE = "invalid_choice"
    NULL = "null"
    REQUIRED = "required"

    def __str__(self) -> str:
        return str(self.value)
