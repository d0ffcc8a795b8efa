from enum import StrEnum


class UsersMeAddressesCreateRegionErrorComponentAttr(StrEnum):
    REGION = "region"

    def __str__(self) -> str:
        return str(self.value)
