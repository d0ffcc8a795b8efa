from enum import StrEnum


class StaffOrdersCancelReasonErrorComponentAttr(StrEnum):
    REASON = "reason"

    def __str__(self) -> str:
        return str(self.value)
