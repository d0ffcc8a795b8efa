from enum import StrEnum


class OrdersListCreatedBeforeErrorComponentAttr(StrEnum):
    CREATED_BEFORE = "created_before"

    def __str__(self) -> str:
        return str(self.value)
