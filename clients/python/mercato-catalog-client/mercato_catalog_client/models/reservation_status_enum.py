from enum import StrEnum


class ReservationStatusEnum(StrEnum):
    COMMITTED = "committed"
    EXPIRED = "expired"
    HELD = "held"
    RELEASED = "released"
    RETURNED = "returned"

    def __str__(self) -> str:
        return str(self.value)
