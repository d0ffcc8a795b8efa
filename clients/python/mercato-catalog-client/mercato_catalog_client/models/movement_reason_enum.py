from enum import StrEnum


class MovementReasonEnum(StrEnum):
    CORRECTION = "correction"
    DAMAGED = "damaged"
    IMPORT = "import"
    LOST = "lost"
    RESERVATION_COMMITTED = "reservation_committed"
    RESERVATION_EXPIRED = "reservation_expired"
    RESERVATION_HELD = "reservation_held"
    RESERVATION_RELEASED = "reservation_released"
    RESERVATION_RETURNED = "reservation_returned"
    RESTOCK = "restock"

    def __str__(self) -> str:
        return str(self.value)
