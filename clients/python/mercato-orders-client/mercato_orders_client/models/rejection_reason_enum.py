from enum import StrEnum


class RejectionReasonEnum(StrEnum):
    CUSTOMER_INACTIVE = "customer_inactive"
    CUSTOMER_UNKNOWN = "customer_unknown"
    INSUFFICIENT_STOCK = "insufficient_stock"
    MIXED_CURRENCIES = "mixed_currencies"
    RESERVATION_EXPIRED = "reservation_expired"
    RESERVATION_REFUSED = "reservation_refused"
    UNKNOWN_SKU = "unknown_sku"

    def __str__(self) -> str:
        return str(self.value)
