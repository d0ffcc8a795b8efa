from enum import StrEnum


class StockAdjustmentsCreateNoteErrorComponentAttr(StrEnum):
    NOTE = "note"

    def __str__(self) -> str:
        return str(self.value)
