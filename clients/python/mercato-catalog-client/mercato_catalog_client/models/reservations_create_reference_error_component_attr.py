from enum import StrEnum


class ReservationsCreateReferenceErrorComponentAttr(StrEnum):
    REFERENCE = "reference"

    def __str__(self) -> str:
        return str(self.value)
