from enum import StrEnum


class UsersMeAddressesPartialUpdateCityErrorComponentAttr(StrEnum):
    CITY = "city"

    def __str__(self) -> str:
        return str(self.value)
