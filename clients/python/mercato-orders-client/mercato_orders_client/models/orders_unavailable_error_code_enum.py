from enum import StrEnum


class OrdersUnavailableErrorCodeEnum(StrEnum):
    DOWNSTREAM_UNAVAILABLE = "downstream_unavailable"

    def __str__(self) -> str:
        return str(self.value)
