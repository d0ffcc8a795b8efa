from enum import StrEnum


class AdjustmentModeEnum(StrEnum):
    ADD = "add"
    SET = "set"

    def __str__(self) -> str:
        return str(self.value)
