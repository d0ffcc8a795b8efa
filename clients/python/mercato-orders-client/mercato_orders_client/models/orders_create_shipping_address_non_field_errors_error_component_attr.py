from enum import StrEnum


class OrdersCreateShippingAddressNonFieldErrorsErrorComponentAttr(StrEnum):
    SHIPPING_ADDRESS_NON_FIELD_ERRORS = "shipping_address.non_field_errors"

    def __str__(self) -> str:
        return str(self.value)
