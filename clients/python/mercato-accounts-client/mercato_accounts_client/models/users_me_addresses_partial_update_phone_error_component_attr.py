from enum import StrEnum


class UsersMeAddressesPartialUpdatePhoneErrorComponentAttr(StrEnum):
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
