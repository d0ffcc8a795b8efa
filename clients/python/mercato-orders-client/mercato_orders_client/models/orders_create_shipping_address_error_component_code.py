from enum import StrEnum


class OrdersCreateShippingAddressErrorComponentCode(StrEnum):
    NULL = "null"

    def __str__(self) -> str:
        return str(self.value)
