"""Encoding the JWTs accounts issues (docs/identity.md, "Tokens").

Only the claims the contract lists go in; verifiers in every service rely on exactly these.
"""

import hashlib
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import jwt
from django.conf import settings

from accounts_service.accounts.keys import ALGORITHM, keyring

TOKEN_TYPE = "Bearer"  # noqa: S105  (the OAuth token type, not a secret)


@dataclass(frozen=True)
class IssuedAccessToken:
    token: str
    jti: str
    expires_in: int


@dataclass(frozen=True)
class IssuedTokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    token_type: str = TOKEN_TYPE


@dataclass(frozen=True)
class IssuedServiceToken:
    access_token: str
    expires_in: int
    scope: str
    token_type: str = TOKEN_TYPE


def _encode(*, subject: str, lifetime: timedelta, now: datetime, extra: dict[str, Any]) -> IssuedAccessToken:
    key = keyring().signing_key
    issued_at = int(now.timestamp())
    expires_in = int(lifetime.total_seconds())
    jti = uuid.uuid4().hex
    claims = {
        "iss": settings.JWT_ISSUER,
        "aud": settings.JWT_AUDIENCE,
        "sub": subject,
        "iat": issued_at,
        "exp": issued_at + expires_in,
        "jti": jti,
        **extra,
    }
    token = jwt.encode(claims, key.private_key, algorithm=ALGORITHM, headers={"kid": key.kid})
    return IssuedAccessToken(token=token, jti=jti, expires_in=expires_in)


def encode_user_access_token(
    *, user_id: uuid.UUID, email: str, is_staff: bool, groups: Iterable[str], now: datetime
) -> IssuedAccessToken:
    return _encode(
        subject=str(user_id),
        lifetime=settings.JWT_ACCESS_TOKEN_LIFETIME,
        now=now,
        extra={"email": email, "is_staff": is_staff, "groups": sorted(groups)},
    )


def encode_service_token(*, client_name: str, scopes: Iterable[str], now: datetime) -> IssuedAccessToken:
    return _encode(
        subject=f"service:{client_name}",
        lifetime=settings.SERVICE_TOKEN_LIFETIME,
        now=now,
        extra={"scope": " ".join(sorted(scopes))},
    )


def new_refresh_token() -> tuple[str, str]:
    """A fresh opaque refresh token and the SHA-256 (hex) under which it is stored."""
    token = secrets.token_urlsafe(32)
    return token, hash_refresh_token(token)


def hash_refresh_token(token: str) -> str:
    # A fast hash is right here: the token has 256 bits of entropy, nothing to brute-force.
    return hashlib.sha256(token.encode()).hexdigest()
