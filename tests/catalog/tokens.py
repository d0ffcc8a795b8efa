"""Tokens for the catalog's tests: a key generated once per run, a resolver over it (named by the
JWT_KEY_RESOLVER setting in conftest), and tokens signed with it as accounts would sign them."""

from __future__ import annotations

import datetime
import functools
import uuid
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from django.conf import settings

KID = "catalog-tests"


@functools.cache
def _private_key() -> RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def resolve(kid: str) -> RSAPublicKey:
    from common.auth.keys import UnknownKeyError

    if kid != KID:
        raise UnknownKeyError(kid)
    return _private_key().public_key()


def _sign(claims: dict[str, Any]) -> str:
    now = datetime.datetime.now(tz=datetime.UTC)
    claims = {
        "iss": settings.JWT_ISSUER,
        "aud": settings.JWT_AUDIENCE,
        "iat": now,
        "exp": now + datetime.timedelta(minutes=5),
        "jti": uuid.uuid4().hex,
        **claims,
    }
    return jwt.encode(claims, _private_key(), algorithm="RS256", headers={"kid": KID})


def person_token(*, is_staff: bool = False, user_id: str | None = None) -> str:
    return _sign(
        {
            "sub": user_id or str(uuid.uuid4()),
            "email": "staff@example.com" if is_staff else "customer@example.com",
            "is_staff": is_staff,
            "groups": ["catalog-managers"] if is_staff else [],
        }
    )


def service_token(*, name: str = "orders", scopes: tuple[str, ...] = ()) -> str:
    return _sign({"sub": f"service:{name}", "scope": " ".join(scopes)})
