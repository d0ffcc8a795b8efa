from enum import StrEnum


class OrdersCreateShippingAddressLine1ErrorComponentAttr(StrEnum):
    SHIPPING_ADDRESS_LINE1 = "shipping_address.line1"

    def __str__(self) -> str:
        return str(self.value)
