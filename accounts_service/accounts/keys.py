"""The keyring: accounts' RSA signing keys, the JWKS that publishes them, lookup by kid.

Keys come from JWT_SIGNING_KEYS_FILE (a path) or JWT_SIGNING_KEYS (the PEM text), one or more
private keys. The first signs; all are published, so tokens signed with a previous key stay
verifiable while it is still listed (docs/identity.md, "Keys and rotation").

The keys are read on first use rather than at settings import: the settings module has to
import without them (static checks, the test runner), while the system check in checks.py and
wsgi.py make a missing key stop the service at start.
"""

import base64
import functools
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from jwt.algorithms import RSAAlgorithm

from common.auth.keys import UnknownKeyError

ALGORITHM = "RS256"
MINIMUM_KEY_SIZE = 2048
MISSING_KEYS_MESSAGE = (
    "Set the JWT_SIGNING_KEYS_FILE environment variable to a PEM file holding accounts' RSA private "
    "signing key(s), or JWT_SIGNING_KEYS to the PEM text itself."
)
_PEM_BLOCK = re.compile(r"-----BEGIN (?:RSA )?PRIVATE KEY-----.+?-----END (?:RSA )?PRIVATE KEY-----", re.DOTALL)


@dataclass(frozen=True)
class SigningKey:
    kid: str
    private_key: RSAPrivateKey

    @functools.cached_property
    def public_key(self) -> RSAPublicKey:
        # Made once: verification compares a cached token's key with the resolver's answer.
        return self.private_key.public_key()

    def public_jwk(self) -> dict[str, str]:
        jwk: dict[str, Any] = RSAAlgorithm.to_jwk(self.public_key, as_dict=True)
        return {"kty": "RSA", "use": "sig", "alg": ALGORITHM, "kid": self.kid, "n": jwk["n"], "e": jwk["e"]}


@dataclass(frozen=True)
class Keyring:
    keys: tuple[SigningKey, ...]

    @property
    def signing_key(self) -> SigningKey:
        return self.keys[0]

    def find(self, kid: str) -> SigningKey | None:
        return next((key for key in self.keys if key.kid == kid), None)


def thumbprint(public_key: RSAPublicKey) -> str:
    """The RFC 7638 JWK thumbprint: SHA-256 over the required members in lexical order."""
    jwk: dict[str, Any] = RSAAlgorithm.to_jwk(public_key, as_dict=True)
    canonical = json.dumps({"e": jwk["e"], "kty": "RSA", "n": jwk["n"]}, separators=(",", ":"), sort_keys=True)
    digest = hashlib.sha256(canonical.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def parse_keyring(pem_text: str) -> Keyring:
    """Every PEM private key block in ``pem_text``, in order; ImproperlyConfigured if unusable."""
    blocks = _PEM_BLOCK.findall(pem_text)
    if not blocks:
        raise ImproperlyConfigured(f"No PEM private key found in the signing keys. {MISSING_KEYS_MESSAGE}")
    keys: list[SigningKey] = []
    for position, block in enumerate(blocks, start=1):
        try:
            private_key = serialization.load_pem_private_key(block.encode("ascii"), password=None)
        except (ValueError, TypeError) as exc:
            raise ImproperlyConfigured(f"Signing key {position} is not a readable unencrypted PEM key: {exc}") from exc
        if not isinstance(private_key, RSAPrivateKey):
            raise ImproperlyConfigured(f"Signing key {position} is not an RSA key (RS256 needs RSA).")
        if private_key.key_size < MINIMUM_KEY_SIZE:
            raise ImproperlyConfigured(f"Signing key {position} has {private_key.key_size} bits; at least 2048 needed.")
        key = SigningKey(kid=thumbprint(private_key.public_key()), private_key=private_key)
        if all(existing.kid != key.kid for existing in keys):
            keys.append(key)
    return Keyring(keys=tuple(keys))


@functools.lru_cache(maxsize=8)
def _load(keys_file: str, keys_text: str) -> Keyring:
    if keys_file:
        try:
            keys_text = Path(keys_file).read_text()
        except OSError as exc:
            raise ImproperlyConfigured(f"Cannot read JWT_SIGNING_KEYS_FILE {keys_file!r}: {exc}") from exc
    if not keys_text.strip():
        raise ImproperlyConfigured(MISSING_KEYS_MESSAGE)
    return parse_keyring(keys_text)


def keyring() -> Keyring:
    """The configured keyring, parsed once per configuration (settings overrides included)."""
    return _load(settings.JWT_SIGNING_KEYS_FILE, settings.JWT_SIGNING_KEYS)


def public_key_for_kid(kid: str) -> RSAPublicKey:
    """The JWT_KEY_RESOLVER of accounts: its own keyring, no HTTP round trip to itself."""
    key = keyring().find(kid)
    if key is None:
        raise UnknownKeyError(kid)
    return key.public_key


def jwks() -> dict[str, list[dict[str, str]]]:
    return {"keys": [key.public_jwk() for key in keyring().keys]}
