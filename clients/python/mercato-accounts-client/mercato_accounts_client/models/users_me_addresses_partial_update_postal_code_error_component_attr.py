from enum import StrEnum


class UsersMeAddressesPartialUpdatePostalCodeErrorComponentAttr(StrEnum):
    POSTAL_CODE = "postal_code"

    def __str__(self) -> str:
        return str(self.value)
