from enum import StrEnum


class OrdersCreateLinesINDEXNonFieldErrorsErrorComponentAttr(StrEnum):
    LINES_INDEX_NON_FIELD_ERRORS = "lines.INDEX.non_field_errors"

    def __str__(self) -> str:
        return str(self.value)
