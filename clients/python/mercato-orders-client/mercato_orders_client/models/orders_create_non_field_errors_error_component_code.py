from enum import StrEnum


class OrdersCreateNonFieldErrorsErrorComponentCode(StrEnum):
    INVALID = "invalid"
    NULL = "null"
    SHIPPING_ADDRESS_REQUIRED = "shipping_address_required"

    def __str__(self) -> str:
        return str(self.value)
