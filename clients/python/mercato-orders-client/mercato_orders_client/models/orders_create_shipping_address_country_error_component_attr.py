from enum import StrEnum


class OrdersCreateShippingAddressCountryErrorComponentAttr(StrEnum):
    SHIPPING_ADDRESS_COUNTRY = "shipping_address.country"

    def __str__(self) -> str:
        return str(self.value)
