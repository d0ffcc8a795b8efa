from enum import StrEnum


class OrdersListStatusErrorComponentAttr(StrEnum):
    STATUS = "status"

    def __str__(self) -> str:
        return str(self.value)
