from enum import StrEnum


class StockAvailabilityCreateSkusINDEXErrorComponentAttr(StrEnum):
    SKUS_INDEX = "skus.INDEX"

    def __str__(self) -> str:
        return str(self.value)
