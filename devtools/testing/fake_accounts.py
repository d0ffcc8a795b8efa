"""A stand-in for accounts on a real local HTTP server, answering the endpoints other services
call (docs/identity.md): the token endpoint, the caller's profile, the client credentials grant
(for the service client ``fake_accounts`` configures) and the JWKS.

For the tests of catalog, orders and common; accounts itself is tested for real in its own
suite and, with the others, in tests/e2e.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from common.auth.accounts import relay_tokens_forget
from devtools.testing.http_server import Answer, LocalHTTPServer, Received, local_http_server
from devtools.testing.tokens import SigningKey, jwks, service_claims, shared_key, user_claims

# The client credentials ``fake_accounts`` gives the service under test.
CLIENT_ID = "service-under-test"
CLIENT_SECRET = "fake-client-secret-0123456789"


@dataclass(frozen=True)
class Person:
    email: str
    password: str
    is_staff: bool = False
    is_superuser: bool = False
    is_active: bool = True
    groups: tuple[str, ...] = ()
    id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def profile(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "email": self.email,
            "full_name": "",
            "is_active": self.is_active,
            "is_staff": self.is_staff,
            "is_superuser": self.is_superuser,
            "groups": list(self.groups),
        }


class FakeAccounts:
    def __init__(self, server: LocalHTTPServer, key: SigningKey) -> None:
        self.server = server
        self.key = key
        self.people: dict[str, Person] = {}
        self._by_token: dict[str, Person] = {}
        # The scopes the service client has; the grant refuses any other (400 invalid_scope).
        self.client_scopes: tuple[str, ...] = ("accounts.sign-in:relay",)
        # Addresses locked out, with the seconds left: accounts' 429 (django-axes' lockout).
        self.locked_out: dict[str, int] = {}
        server.respond = self.respond

    @property
    def url(self) -> str:
        return self.server.url

    def add(self, email: str, password: str, **fields: Any) -> Person:
        person = Person(email=email, password=password, **fields)
        self.people[email] = person
        return person

    def respond(self, received: Received) -> Answer:
        if received.path == "/.well-known/jwks.json" and received.method == "GET":
            return Answer.json(jwks(self.key))
        if received.path == "/api/v1/auth/token/" and received.method == "POST":
            return self._token(received.json())
        if received.path == "/api/v1/auth/service-token/" and received.method == "POST":
            return self._service_token(received.json())
        if received.path == "/api/v1/users/me/" and received.method == "GET":
            token = received.headers.get("Authorization", "").removeprefix("Bearer ")
            person = self._by_token.get(token)
            if person is None:
                return _error(401, "not_authenticated")
            return Answer.json(person.profile())
        return _error(404, "not_found")

    def _token(self, body: Any) -> Answer:
        email = body.get("email", "") if isinstance(body, dict) else ""
        if email in self.locked_out:
            # What accounts' token view answers (accounts/api/views/auth.py, TokenObtainView).
            return Answer.json(
                {
                    "type": "client_error",
                    "errors": [
                        {
                            "code": "throttled",
                            "detail": "Too many failed sign-in attempts; try again later.",
                            "attr": None,
                        }
                    ],
                },
                429,
                headers={"Retry-After": str(self.locked_out[email])},
            )
        person = self.people.get(email)
        if person is None or person.password != body.get("password") or not person.is_active:
            return _error(401, "authentication_failed")
        claims = user_claims(user_id=person.id, email=person.email, is_staff=person.is_staff, groups=person.groups)
        token = self.key.sign(claims)
        self._by_token[token] = person
        return Answer.json(
            {"access_token": token, "refresh_token": "opaque", "token_type": "Bearer", "expires_in": 300}
        )

    def _service_token(self, body: Any) -> Answer:
        if not isinstance(body, dict) or (body.get("client_id"), body.get("client_secret")) != (
            CLIENT_ID,
            CLIENT_SECRET,
        ):
            return _error(401, "authentication_failed")
        scopes = str(body.get("scope") or " ".join(self.client_scopes)).split()
        if not set(scopes) <= set(self.client_scopes):
            return _error(400, "invalid_scope")
        token = self.key.sign(service_claims(CLIENT_ID, scopes))
        return Answer.json(
            {"access_token": token, "token_type": "Bearer", "expires_in": 300, "scope": " ".join(scopes)}
        )


def _error(status: int, code: str) -> Answer:
    return Answer.json({"type": "client_error", "errors": [{"code": code, "detail": code, "attr": None}]}, status)


@contextmanager
def fake_accounts(settings: Any, key: SigningKey | None = None) -> Iterator[FakeAccounts]:
    """A FakeAccounts that this service calls (``settings.ACCOUNTS_URL`` points at it), with this
    service's client credentials set to the ones it accepts."""
    with local_http_server() as server:
        accounts = FakeAccounts(server, key or shared_key())
        settings.ACCOUNTS_URL = accounts.url
        settings.SERVICE_CLIENT_ID = CLIENT_ID
        settings.SERVICE_CLIENT_SECRET = CLIENT_SECRET
        # A token cached from another test's accounts would mean nothing to this one.
        relay_tokens_forget()
        try:
            yield accounts
        finally:
            relay_tokens_forget()
