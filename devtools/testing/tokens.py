"""Signing keys and tokens for tests: real RS256 JWTs shaped as docs/identity.md describes,
and the forged ones a verifier must refuse.

``use_test_signing_key(settings)`` points ``JWT_KEY_RESOLVER`` at a resolver that knows only
the keys a test trusts, so services verify tokens with no accounts running.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings as django_settings

from common.auth.keys import UnknownKeyError


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def thumbprint(public_key: rsa.RSAPublicKey) -> str:
    """The RFC 7638 JWK thumbprint, the kid accounts gives a key."""
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(public_key))
    canonical = json.dumps({"e": jwk["e"], "kty": "RSA", "n": jwk["n"]}, separators=(",", ":"), sort_keys=True)
    return b64url(hashlib.sha256(canonical.encode()).digest())


@dataclass(frozen=True)
class SigningKey:
    private_key: rsa.RSAPrivateKey
    kid: str

    @classmethod
    def generate(cls) -> SigningKey:
        return cls.of(rsa.generate_private_key(public_exponent=65537, key_size=2048))

    @classmethod
    def of(cls, private_key: rsa.RSAPrivateKey) -> SigningKey:
        return cls(private_key=private_key, kid=thumbprint(private_key.public_key()))

    @classmethod
    def from_pem(cls, pem: bytes) -> SigningKey:
        private_key = serialization.load_pem_private_key(pem, password=None)
        assert isinstance(private_key, rsa.RSAPrivateKey)
        return cls.of(private_key)

    @property
    def public_key(self) -> rsa.RSAPublicKey:
        return self.private_key.public_key()

    def public_pem(self) -> bytes:
        return self.public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)

    def private_pem(self) -> bytes:
        return self.private_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )

    def public_jwk(self) -> dict[str, str]:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.public_key))
        return {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": self.kid, "n": jwk["n"], "e": jwk["e"]}

    def sign(self, claims: dict[str, Any], *, headers: dict[str, Any] | None = None) -> str:
        return jwt.encode(claims, self.private_key, algorithm="RS256", headers={"kid": self.kid, **(headers or {})})


@functools.cache
def shared_key(name: str = "default") -> SigningKey:
    """A key generated once per test process per name (RSA generation takes a moment)."""
    return SigningKey.generate()


def jwks(*keys: SigningKey) -> dict[str, list[dict[str, str]]]:
    return {"keys": [key.public_jwk() for key in keys]}


# --- Claims -----------------------------------------------------------------------------------


def _registered(lifetime: int, issuer: str | None, audience: str | None) -> dict[str, Any]:
    # iss and aud default to this service's settings; tests/e2e, which configures no Django,
    # names them.
    now = int(time.time())
    return {
        "iss": issuer if issuer is not None else django_settings.JWT_ISSUER,
        "aud": audience if audience is not None else django_settings.JWT_AUDIENCE,
        "iat": now,
        "exp": now + lifetime,
        "jti": uuid.uuid4().hex,
    }


def user_claims(
    *,
    user_id: str | None = None,
    email: str = "someone@example.com",
    is_staff: bool = False,
    groups: Iterable[str] = (),
    lifetime: int = 300,
    issuer: str | None = None,
    audience: str | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    claims = {
        **_registered(lifetime, issuer, audience),
        "sub": user_id or str(uuid.uuid4()),
        "email": email,
        "is_staff": is_staff,
        "groups": list(groups),
    }
    return {**claims, **overrides}


def service_claims(
    name: str,
    scopes: Iterable[str] = (),
    *,
    lifetime: int = 300,
    issuer: str | None = None,
    audience: str | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    claims = {**_registered(lifetime, issuer, audience), "sub": f"service:{name}", "scope": " ".join(scopes)}
    return {**claims, **overrides}


# --- Forgeries --------------------------------------------------------------------------------


def unsigned_token(claims: dict[str, Any], kid: str) -> str:
    """``alg: none``: no signature at all."""
    header = {"alg": "none", "typ": "JWT", "kid": kid}
    return f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(claims).encode())}."


def hmac_with_public_key(claims: dict[str, Any], key: SigningKey) -> str:
    """HS256 with the (public!) RSA key's PEM as the secret: the algorithm-confusion attack."""
    header = {"alg": "HS256", "typ": "JWT", "kid": key.kid}
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(claims).encode())}"
    signature = hmac.new(key.public_pem(), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(signature)}"


def tampered(token: str, **changes: Any) -> str:
    """``token`` with claims changed and the original signature kept."""
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims.update(changes)
    return f"{header}.{b64url(json.dumps(claims).encode())}.{signature}"


# --- A resolver that trusts only the keys a test names ------------------------------------------

_trusted: dict[str, rsa.RSAPublicKey] = {}


def resolve_test_key(kid: str) -> rsa.RSAPublicKey:
    """A ``JWT_KEY_RESOLVER`` over the keys passed to ``use_test_signing_key``."""
    try:
        return _trusted[kid]
    except KeyError:
        raise UnknownKeyError(kid) from None


def use_test_signing_key(settings: Any, *keys: SigningKey) -> SigningKey:
    """Make the services trust ``keys`` (default: the shared key) and only them; returns the first.

    ``settings`` is pytest-django's fixture, which restores JWT_KEY_RESOLVER after the test.
    """
    keys = keys or (shared_key(),)
    _trusted.clear()
    _trusted.update({key.kid: key.public_key for key in keys})
    settings.JWT_KEY_RESOLVER = "devtools.testing.tokens.resolve_test_key"
    return keys[0]
