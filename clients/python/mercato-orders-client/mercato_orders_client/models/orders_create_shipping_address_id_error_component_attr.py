from enum import StrEnum


class OrdersCreateShippingAddressIdErrorComponentAttr(StrEnum):
    SHIPPING_ADDRESS_ID = "shipping_address_id"

    def __str__(self) -> str:
        return str(self.value)
