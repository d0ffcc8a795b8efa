from enum import StrEnum


class ClientErrorEnum(StrEnum):
    CLIENT_ERROR = "client_error"

    def __str__(self) -> str:
        return str(self.value)
