from enum import StrEnum


class OrdersCreateShippingAddressPhoneErrorComponentAttr(StrEnum):
    SHIPPING_ADDRESS_PHONE = "shipping_address.phone"

    def __str__(self) -> str:
        return str(self.value)
