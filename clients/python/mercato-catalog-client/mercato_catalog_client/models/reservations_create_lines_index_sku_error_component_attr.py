from enum import StrEnum


class ReservationsCreateLinesINDEXSkuErrorComponentAttr(StrEnum):
    LINES_INDEX_SKU = "lines.INDEX.sku"

    def __str__(self) -> str:
        return str(self.value)
