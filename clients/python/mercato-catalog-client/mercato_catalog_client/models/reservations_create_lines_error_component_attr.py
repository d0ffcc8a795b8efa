from enum import StrEnum


class ReservationsCreateLinesErrorComponentAttr(StrEnum):
    LINES = "lines"

    def __str__(self) -> str:
        return str(self.value)
