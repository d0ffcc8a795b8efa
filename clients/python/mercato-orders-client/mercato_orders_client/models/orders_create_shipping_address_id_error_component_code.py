from enum import StrEnum


class OrdersCreateShippingAddressIdErrorComponentCode(StrEnum):
    DOES_NOT_EXIST = "does_not_exist"
    INVALID = "invalid"
    NULL = "null"
    REQUIRED = "required"

    def __str__(self) -> str:
        return str(self.value)
