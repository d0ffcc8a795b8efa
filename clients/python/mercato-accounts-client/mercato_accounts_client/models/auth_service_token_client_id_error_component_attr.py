from enum import StrEnum


class AuthServiceTokenClientIdErrorComponentAttr(StrEnum):
    CLIENT_ID = "client_id"

    def __str__(self) -> str:
        return str(self.value)
