from enum import StrEnum


class UnprocessableErrorCodeEnum(StrEnum):
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    UNKNOWN_SKU = "unknown_sku"

    def __str__(self) -> str:
        return str(self.value)
