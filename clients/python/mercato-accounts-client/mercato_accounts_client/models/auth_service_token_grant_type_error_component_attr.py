from enum import StrEnum


class AuthServiceTokenGrantTypeErrorComponentAttr(StrEnum):
    GRANT_TYPE = "grant_type"

    def __str__(self) -> str:
        return str(self.value)
