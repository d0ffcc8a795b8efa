from enum import StrEnum


class UsersMePasswordNonFieldErrorsErrorComponentAttr(StrEnum):
    NON_FIELD_ERRORS = "non_field_errors"

    def __str__(self) -> str:
        return str(self.value)
