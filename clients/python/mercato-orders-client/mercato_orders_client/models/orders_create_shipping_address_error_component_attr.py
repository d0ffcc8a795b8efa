from enum import StrEnum


class OrdersCreateShippingAddressErrorComponentAttr(StrEnum):
    SHIPPING_ADDRESS = "shipping_address"

    def __str__(self) -> str:
        return str(self.value)
