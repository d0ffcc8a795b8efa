from enum import StrEnum


class UsersMeAddressesCreateLine1ErrorComponentAttr(StrEnum):
    LINE1 = "line1"

    def __str__(self) -> str:
        return str(self.value)
