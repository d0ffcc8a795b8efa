from enum import StrEnum


class UsersMeAddressesPartialUpdateRecipientErrorComponentAttr(StrEnum):
    RECIPIENT = "recipient"

    def __str__(self) -> str:
        return str(self.value)
