"""Stateless verification of the JWTs accounts issues (docs/identity.md, "Verification").

A request with ``Authorization: Bearer <jwt>`` is authenticated from the token alone: the key
comes from the (cached) JWKS, and the request's user is a ``TokenUser`` built from the claims,
never a database row. Every way a token can be wrong is a 401 in the standard error shape.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Final

import jwt
from django.conf import settings
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed, NotAuthenticated
from rest_framework.request import Request

from common.auth.fields import strings, typed
from common.auth.keys import KeysUnavailable, UnknownKeyError, configured_resolver
from common.errors import ServiceUnavailableError

logger = logging.getLogger(__name__)

# Pinned: the algorithm is never taken from the token, which is how "alg: none" and
# HS256-signed-with-the-public-key forgeries are refused.
ALGORITHMS: Final = ["RS256"]
REQUIRED_CLAIMS: Final = ["exp", "iat", "iss", "aud", "sub"]
SERVICE_PREFIX: Final = "service:"
# A real token is well under 2 KB; anything far bigger is refused before any parsing.
MAX_TOKEN_LENGTH: Final = 8192
MAX_KID_LENGTH: Final = 256

# The detail of a 401, in the standard error shape (code "authentication_failed").
REFUSED_INVALID: Final = "The token is invalid."
REFUSED_EXPIRED: Final = "The token has expired."
REFUSED_UNKNOWN_KEY: Final = "The token is signed with an unknown key."


@dataclass(frozen=True)
class TokenUser:
    """Who a verified token speaks for: a person (``user:<uuid>``) or a service (``service:<name>``)."""

    id: str | None  # the user's UUID; None for a service
    email: str
    is_staff: bool
    groups: tuple[str, ...]
    scopes: frozenset[str]
    principal: str

    # What Django and DRF ask of request.user.
    is_authenticated: ClassVar[bool] = True
    is_anonymous: ClassVar[bool] = False

    @property
    def pk(self) -> str:
        # Throttles key on pk: a service gets a bucket of its own rather than sharing None.
        return self.id or self.principal

    @property
    def is_service(self) -> bool:
        return self.id is None

    @classmethod
    def from_claims(cls, claims: Mapping[str, Any]) -> TokenUser:
        """Build from verified claims; ``ValueError`` when a claim has the wrong shape."""
        subject = typed(claims, "sub", str)
        scopes = frozenset(typed(claims, "scope", str, default="").split())
        if subject.startswith(SERVICE_PREFIX):
            if not subject.removeprefix(SERVICE_PREFIX):
                raise ValueError("empty service name in sub")
            return cls(id=None, email="", is_staff=False, groups=(), scopes=scopes, principal=subject)
        user_id = str(uuid.UUID(subject))
        return cls(
            id=user_id,
            email=typed(claims, "email", str, default=""),
            is_staff=typed(claims, "is_staff", bool, default=False),
            groups=strings(claims, "groups"),
            scopes=scopes,
            principal=f"user:{user_id}",
        )


class AuthenticationUnavailable(ServiceUnavailableError):
    """The keys to verify tokens cannot be had (accounts unreachable on a cold cache).

    Not the client's fault, so not a 401 that would send it to sign in again: a 503 it retries.
    """

    default_detail = "Tokens cannot be verified at the moment; try again shortly."
    default_code = "authentication_unavailable"


class JWTAuthentication(BaseAuthentication):
    """DRF authentication by ``Authorization: Bearer <jwt>``; see the module docstring."""

    keyword = b"bearer"

    def authenticate(self, request: Request) -> tuple[TokenUser, str] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None  # not ours: unauthenticated, or another scheme's business
        if len(parts) != 2 or len(parts[1]) > MAX_TOKEN_LENGTH:
            raise AuthenticationFailed("The Authorization header must be 'Bearer <token>'.")
        try:
            token = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed(REFUSED_INVALID) from None
        return verify_token(token), token

    def authenticate_header(self, request: Request) -> str:
        # Naming a scheme here is what makes DRF answer 401 rather than 403.
        return "Bearer"


def token_user(request: Request) -> TokenUser:
    """The TokenUser of an authenticated request (for views behind IsAuthenticated)."""
    user = request.user
    if not isinstance(user, TokenUser):
        raise NotAuthenticated
    return user


def verify_token(token: str) -> TokenUser:
    """The TokenUser of a valid token; ``AuthenticationFailed`` for any invalid one."""
    try:
        header = jwt.get_unverified_header(token)
    # A header of deeply nested JSON makes Python's json recurse into a RecursionError.
    except (jwt.PyJWTError, RecursionError) as exc:
        raise _refused(REFUSED_INVALID, exc) from None
    # Checked before any key lookup, so a forged header costs no JWKS fetch.
    if header.get("alg") not in ALGORITHMS:
        raise _refused(REFUSED_INVALID, f"alg {header.get('alg')!r}")
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid or len(kid) > MAX_KID_LENGTH:
        raise _refused(REFUSED_INVALID, "missing or malformed kid")
    try:
        key = configured_resolver()(kid)
    except UnknownKeyError as exc:
        raise _refused(REFUSED_UNKNOWN_KEY, exc) from None
    except KeysUnavailable as exc:
        # accounts away: an answer the client retries (503), not a crash of this service.
        logger.warning("cannot verify tokens: %s", exc)
        raise AuthenticationUnavailable from None
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=ALGORITHMS,
            audience=settings.JWT_AUDIENCE,
            issuer=settings.JWT_ISSUER,
            leeway=settings.JWT_LEEWAY_SECONDS,
            options={"require": REQUIRED_CLAIMS},
        )
        return TokenUser.from_claims(claims)
    except jwt.ExpiredSignatureError as exc:
        raise _refused(REFUSED_EXPIRED, exc) from None
    except (jwt.PyJWTError, ValueError) as exc:
        raise _refused(REFUSED_INVALID, exc) from None


def _refused(detail: str, reason: object) -> AuthenticationFailed:
    logger.info("token refused: %s", reason)
    return AuthenticationFailed(detail)
