from enum import StrEnum


class UsersMeAddressesPartialUpdateLine2ErrorComponentAttr(StrEnum):
    LINE2 = "line2"

    def __str__(self) -> str:
        return str(self.value)
