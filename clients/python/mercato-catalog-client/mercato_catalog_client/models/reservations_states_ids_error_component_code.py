from enum import StrEnum


class ReservationsStatesIdsErrorComponentCode(StrEnum):
    MAX_LENGTH = "max_length"
    MIN_LENGTH = "min_length"
    NOT_A_LIST = "not_a_list"
    NULL = "null"
    REQUIRED = "required"

    def __str__(self) -> str:
        return str(self.value)
