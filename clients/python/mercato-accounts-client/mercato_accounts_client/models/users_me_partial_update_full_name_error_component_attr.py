from enum import StrEnum


class UsersMePartialUpdateFullNameErrorComponentAttr(StrEnum):
    FULL_NAME = "full_name"

    def __str__(self) -> str:
        return str(self.value)
