from enum import StrEnum


class AdjustmentReasonEnum(StrEnum):
    CORRECTION = "correction"
    DAMAGED = "damaged"
    LOST = "lost"
    RESTOCK = "restock"

    def __str__(self) -> str:
        return str(self.value)
