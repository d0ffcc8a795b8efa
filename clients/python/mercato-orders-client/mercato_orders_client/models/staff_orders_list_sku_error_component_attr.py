from enum import StrEnum


class StaffOrdersListSkuErrorComponentAttr(StrEnum):
    SKU = "sku"

    def __str__(self) -> str:
        return str(self.value)
