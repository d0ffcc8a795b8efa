from enum import StrEnum


class UsersMeAddressesCreateLabelErrorComponentAttr(StrEnum):
    LABEL = "label"

    def __str__(self) -> str:
        return str(self.value)
