from enum import StrEnum


class OrdersCreateShippingAddressCityErrorComponentAttr(StrEnum):
    SHIPPING_ADDRESS_CITY = "shipping_address.city"

    def __str__(self) -> str:
        return str(self.value)
