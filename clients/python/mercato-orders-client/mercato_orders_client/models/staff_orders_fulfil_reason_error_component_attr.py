from enum import StrEnum


class StaffOrdersFulfilReasonErrorComponentAttr(StrEnum):
    REASON = "reason"

    def __str__(self) -> str:
        return str(self.value)
