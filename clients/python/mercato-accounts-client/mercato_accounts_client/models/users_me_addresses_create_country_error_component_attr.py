from enum import StrEnum


class UsersMeAddressesCreateCountryErrorComponentAttr(StrEnum):
    COUNTRY = "country"

    def __str__(self) -> str:
        return str(self.value)
