from enum import StrEnum


class OrdersListStatus(StrEnum):
    CANCELLED = "cancelled"
    CANCELLING = "cancelling"
    CONFIRMED = "confirmed"
    FULFILLED = "fulfilled"
    PENDING = "pending"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
