from enum import StrEnum


class UsersMeAddressesPartialUpdateCountryErrorComponentAttr(StrEnum):
    COUNTRY = "country"

    def __str__(self) -> str:
        return str(self.value)
