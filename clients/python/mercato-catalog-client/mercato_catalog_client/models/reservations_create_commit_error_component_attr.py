from enum import StrEnum


class ReservationsCreateCommitErrorComponentAttr(StrEnum):
    COMMIT = "commit"

    def __str__(self) -> str:
        return str(self.value)
