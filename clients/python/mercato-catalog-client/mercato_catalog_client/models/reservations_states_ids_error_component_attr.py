from enum import StrEnum


class ReservationsStatesIdsErrorComponentAttr(StrEnum):
    IDS = "ids"

    def __str__(self) -> str:
        return str(self.value)
