from enum import StrEnum


class ErrorResponseTypeEnum(StrEnum):
    CLIENT_ERROR = "client_error"
    SERVER_ERROR = "server_error"

    def __str__(self) -> str:
        return str(self.value)
