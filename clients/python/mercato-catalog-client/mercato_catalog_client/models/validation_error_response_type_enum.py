from enum import StrEnum


class ValidationErrorResponseTypeEnum(StrEnum):
    CLIENT_ERROR = "client_error"
    VALIDATION_ERROR = "validation_error"

    def __str__(self) -> str:
        return str(self.value)
