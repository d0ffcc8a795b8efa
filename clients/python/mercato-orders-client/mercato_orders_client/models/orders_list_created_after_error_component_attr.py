from enum import StrEnum


class OrdersListCreatedAfterErrorComponentAttr(StrEnum):
    CREATED_AFTER = "created_after"

    def __str__(self) -> str:
        return str(self.value)
