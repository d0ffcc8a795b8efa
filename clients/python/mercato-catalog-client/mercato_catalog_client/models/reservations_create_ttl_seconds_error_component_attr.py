from enum import StrEnum


class ReservationsCreateTtlSecondsErrorComponentAttr(StrEnum):
    TTL_SECONDS = "ttl_seconds"

    def __str__(self) -> str:
        return str(self.value)
