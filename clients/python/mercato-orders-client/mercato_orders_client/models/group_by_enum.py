from enum import StrEnum


class GroupByEnum(StrEnum):
    DAY = "day"
    MONTH = "month"
    SKU = "sku"

    def __str__(self) -> str:
        return str(self.value)
