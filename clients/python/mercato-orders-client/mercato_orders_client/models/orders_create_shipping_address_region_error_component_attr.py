from enum import StrEnum


class OrdersCreateShippingAddressRegionErrorComponentAttr(StrEnum):
    SHIPPING_ADDRESS_REGION = "shipping_address.region"

    def __str__(self) -> str:
        return str(self.value)
