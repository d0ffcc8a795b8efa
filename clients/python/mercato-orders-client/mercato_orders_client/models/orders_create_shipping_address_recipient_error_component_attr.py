from enum import StrEnum


class OrdersCreateShippingAddressRecipientErrorComponentAttr(StrEnum):
    SHIPPING_ADDRESS_RECIPIENT = "shipping_address.recipient"

    def __str__(self) -> str:
        return str(self.value)
