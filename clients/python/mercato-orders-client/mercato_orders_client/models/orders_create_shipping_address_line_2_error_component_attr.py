from enum import StrEnum


class OrdersCreateShippingAddressLine2ErrorComponentAttr(StrEnum):
    SHIPPING_ADDRESS_LINE2 = "shipping_address.line2"

    def __str__(self) -> str:
        return str(self.value)
