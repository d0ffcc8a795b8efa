from enum import StrEnum


class UsersMeAddressesCreateCityErrorComponentAttr(StrEnum):
    CITY = "city"

    def __str__(self) -> str:
        return str(self.value)
