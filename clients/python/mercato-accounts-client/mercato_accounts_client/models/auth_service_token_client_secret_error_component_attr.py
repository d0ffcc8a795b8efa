from enum import StrEnum


class AuthServiceTokenClientSecretErrorComponentAttr(StrEnum):
    CLIENT_SECRET = "client_secret"

    def __str__(self) -> str:
        return str(self.value)
