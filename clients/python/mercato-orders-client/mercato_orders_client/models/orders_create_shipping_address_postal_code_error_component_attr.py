from enum import StrEnum


class OrdersCreateShippingAddressPostalCodeErrorComponentAttr(StrEnum):
    SHIPPING_ADDRESS_POSTAL_CODE = "shipping_address.postal_code"

    def __str__(self) -> str:
        return str(self.value)
