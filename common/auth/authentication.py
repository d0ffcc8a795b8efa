"""Stateless verification of the JWTs accounts issues (docs/identity.md, "Verification").

A request with ``Authorization: Bearer <jwt>`` is authenticated from the token alone: the key
comes from the (cached) JWKS, and the request's user is a ``TokenUser`` built from the claims,
never a database row. Every way a token can be wrong is a 401 in the standard error shape.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Final

import jwt
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed, NotAuthenticated
from rest_framework.request import Request

from common.auth.fields import strings, typed
from common.auth.keys import KeyResolver, KeysUnavailable, UnknownKeyError, VerificationKey, configured_resolver
from common.errors import AUTHENTICATION_UNAVAILABLE_CODE, ServiceUnavailableError

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

# Tokens verified recently, per process. A service's token (and a customer's, over a session)
# comes back on every call until it expires, and its RS256 verification was the largest part
# of the authentication's CPU (0.35-0.5 ms a request, docs/performance.md). A few thousand
# entries of a few hundred bytes each: the live tokens of the callers one worker sees.
VERIFIED_CACHE_SIZE: Final = 4096


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
    default_code = AUTHENTICATION_UNAVAILABLE_CODE


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


@dataclass(frozen=True)
class _Verified:
    user: TokenUser
    kid: str
    key: VerificationKey  # the key object that verified it
    expires_at: float  # the token's exp (Unix time), without the leeway


class VerifiedTokens:
    """The tokens this process verified, by their exact text, until their ``exp``; bounded (LRU).

    A hit is answered without the signature check only while the key that verified the token is
    still the one the resolver gives for its kid (a re-fetched JWKS makes new key objects, and the
    token is then verified afresh once), and never at or past
    the token's ``exp`` (the leeway is left to the full verification). A key withdrawn from the
    JWKS makes the resolver refuse the kid, so its tokens are refused although cached. Only
    successes are kept: a refusal costs the full verification every time, as before.
    """

    def __init__(self, maxsize: int = VERIFIED_CACHE_SIZE, *, clock: Callable[[], float] = time.time) -> None:
        self.maxsize = maxsize
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, _Verified] = OrderedDict()

    def get(self, token: str, resolve: KeyResolver) -> TokenUser | None:
        with self._lock:
            entry = self._entries.get(token)
            if entry is None:
                return None
            if self._clock() >= entry.expires_at:
                del self._entries[token]
                return None
            self._entries.move_to_end(token)
        # Outside the lock: the resolver may fetch the JWKS, or refuse the kid (a withdrawn key).
        key = resolve(entry.kid)
        # The same object, or the same RSA key (cryptography compares public keys by value).
        if key is not entry.key and key != entry.key:
            return None
        return entry.user

    def put(self, token: str, entry: _Verified) -> None:
        with self._lock:
            self._entries[token] = entry
            self._entries.move_to_end(token)
            while len(self._entries) > self.maxsize:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


verified_tokens = VerifiedTokens()


@receiver(setting_changed)
def _forget_verified(*, setting: str, **kwargs: Any) -> None:
    # What a token was verified against (tests override these).
    if setting.startswith("JWT_"):
        verified_tokens.clear()


def verify_token(token: str) -> TokenUser:
    """The TokenUser of a valid token; ``AuthenticationFailed`` for any invalid one.

    A token verified before is answered from ``verified_tokens`` (see there for when not).
    """
    resolver = configured_resolver()
    cached = verified_tokens.get(token, lambda kid: _key(resolver, kid))
    if cached is not None:
        return cached
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
    key = _key(resolver, kid)
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
        user = TokenUser.from_claims(claims)
    except jwt.ExpiredSignatureError as exc:
        raise _refused(REFUSED_EXPIRED, exc) from None
    except (jwt.PyJWTError, ValueError) as exc:
        raise _refused(REFUSED_INVALID, exc) from None
    # PyJWT checked that exp is a number.
    verified_tokens.put(token, _Verified(user=user, kid=kid, key=key, expires_at=float(claims["exp"])))
    return user


def _key(resolver: KeyResolver, kid: str) -> VerificationKey:
    try:
        return resolver(kid)
    except UnknownKeyError as exc:
        raise _refused(REFUSED_UNKNOWN_KEY, exc) from None
    except KeysUnavailable as exc:
        # accounts away: an answer the client retries (503), not a crash of this service.
        logger.warning("cannot verify tokens: %s", exc)
        raise AuthenticationUnavailable from None


def _refused(detail: str, reason: object) -> AuthenticationFailed:
    logger.info("token refused: %s", reason)
    return AuthenticationFailed(detail)
