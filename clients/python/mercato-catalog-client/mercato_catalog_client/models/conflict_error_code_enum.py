from enum import StrEnum


class ConflictErrorCodeEnum(StrEnum):
    CATEGORY_IN_USE = "category_in_use"
    IDEMPOTENCY_REQUEST_IN_FLIGHT = "idempotency_request_in_flight"
    INSUFFICIENT_STOCK = "insufficient_stock"
    PRODUCT_IN_USE = "product_in_use"
    RESERVATION_EXPIRED = "reservation_expired"
    RESERVATION_STATE_CONFLICT = "reservation_state_conflict"
    SKU_TAKEN = "sku_taken"
    SLUG_TAKEN = "slug_taken"

    def __str__(self) -> str:
        return str(self.value)
