from enum import StrEnum


class AuthTokenRefreshRefreshTokenErrorComponentAttr(StrEnum):
    REFRESH_TOKEN = "refresh_token"

    def __str__(self) -> str:
        return str(self.value)
