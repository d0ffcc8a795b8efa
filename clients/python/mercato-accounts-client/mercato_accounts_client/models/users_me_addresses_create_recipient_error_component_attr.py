from enum import StrEnum


class UsersMeAddressesCreateRecipientErrorComponentAttr(StrEnum):
    RECIPIENT = "recipient"

    def __str__(self) -> str:
        return str(self.value)
