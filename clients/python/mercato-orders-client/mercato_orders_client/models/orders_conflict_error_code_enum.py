from enum import StrEnum


class OrdersConflictErrorCodeEnum(StrEnum):
    IDEMPOTENCY_REQUEST_IN_FLIGHT = "idempotency_request_in_flight"
    ORDER_CANCELLATION_IN_FLIGHT = "order_cancellation_in_flight"
    ORDER_STATE_CONFLICT = "order_state_conflict"
    STOCK_RETURN_REFUSED = "stock_return_refused"

    def __str__(self) -> str:
        return str(self.value)
