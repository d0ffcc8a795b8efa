from enum import StrEnum


class UsersMeAddressesPartialUpdateLine1ErrorComponentAttr(StrEnum):
    LINE1 = "line1"

    def __str__(self) -> str:
        return str(self.value)
