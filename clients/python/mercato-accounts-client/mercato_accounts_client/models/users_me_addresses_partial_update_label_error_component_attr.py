from enum import StrEnum


class UsersMeAddressesPartialUpdateLabelErrorComponentAttr(StrEnum):
    LABEL = "label"

    def __str__(self) -> str:
        return str(self.value)
