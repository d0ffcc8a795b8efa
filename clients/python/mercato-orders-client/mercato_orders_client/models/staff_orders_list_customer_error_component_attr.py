from enum import StrEnum


class StaffOrdersListCustomerErrorComponentAttr(StrEnum):
    CUSTOMER = "customer"

    def __str__(self) -> str:
        return str(self.value)
