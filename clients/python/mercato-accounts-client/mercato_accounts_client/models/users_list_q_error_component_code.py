from enum import StrEnum


class UsersListQErrorComponentCode(StrEnum):
    MAX_LENGTH = "max_length"
    NULL_CHARACTERS_NOT_ALLOWED = "null_characters_not_allowed"

    def __str__(self) -> str:
        return str(self.value)
