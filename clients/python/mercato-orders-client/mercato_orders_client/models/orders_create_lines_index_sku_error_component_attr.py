from enum import StrEnum


class OrdersCreateLinesINDEXSkuErrorComponentAttr(StrEnum):
    LINES_INDEX_SKU = "lines.INDEX.sku"

    def __str__(self) -> str:
        return str(self.value)
