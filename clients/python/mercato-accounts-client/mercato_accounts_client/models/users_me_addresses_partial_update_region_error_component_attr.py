from enum import StrEnum


class UsersMeAddressesPartialUpdateRegionErrorComponentAttr(StrEnum):
    REGION = "region"

    def __str__(self) -> str:
        return str(self.value)
