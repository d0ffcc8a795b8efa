"""What the services refuse, independent of HTTP: the API maps each to its status and code."""


class AccountsError(Exception):
    """Base of the refusals below."""


class InvalidCredentials(AccountsError):
    """Unknown email, wrong password or inactive user: deliberately indistinguishable."""


class LockedOut(AccountsError):
    """Too many failed sign-ins for this email from this address; wait for the cool-off."""

    def __init__(self, retry_after_seconds: int) -> None:
        super().__init__(f"locked out for up to {retry_after_seconds} s")
        self.retry_after_seconds = retry_after_seconds


class InvalidRefreshToken(AccountsError):
    """Unknown, expired, revoked or already rotated (the last also revokes its family)."""


class InvalidClient(AccountsError):
    """Unknown or inactive service client, or wrong secret."""


class InvalidScope(AccountsError):
    def __init__(self, scopes: frozenset[str]) -> None:
        super().__init__(f"scopes not granted: {' '.join(sorted(scopes))}")
        self.scopes = scopes


class WrongPassword(AccountsError):
    """The current password given to change it is not the user's password."""


class CannotDeactivateSelf(AccountsError):
    """A staff member cannot lock themselves out through the API."""


class ServiceClientExists(AccountsError):
    pass
