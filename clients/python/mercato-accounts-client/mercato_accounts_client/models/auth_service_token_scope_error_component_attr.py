from enum import StrEnum


class AuthServiceTokenScopeErrorComponentAttr(StrEnum):
    SCOPE = "scope"

    def __str__(self) -> str:
        return str(self.value)
