from enum import StrEnum


class UsersMeAddressesCreatePhoneErrorComponentAttr(StrEnum):
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
