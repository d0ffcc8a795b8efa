"""The keyring: JWKS publication, kids, rotation, and refusing to start without keys."""

import base64
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jwt
import pytest
from django.core.exceptions import ImproperlyConfigured
from rest_framework.test import APIClient

from accounts_service.accounts import keys
from accounts_service.accounts.checks import signing_keys_check
from accounts_service.accounts.models import User
from devtools.devstack import REPO_ROOT
from devtools.testing.errors import assert_error
from tests.accounts.conftest import PASSWORD, SIGNING_KEY_PEM, client_for, new_private_key_pem
from tests.accounts.helpers import obtain_pair

NEXT_KEY_PEM = new_private_key_pem()


def rfc7638_thumbprint(jwk: dict[str, str]) -> str:
    canonical = json.dumps({"e": jwk["e"], "kty": "RSA", "n": jwk["n"]}, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()).rstrip(b"=").decode()


def use_keys(settings: Any, tmp_path: Path, *pems: bytes) -> None:
    path = tmp_path / f"keys-{len(list(tmp_path.iterdir()))}.pem"
    path.write_bytes(b"".join(pems))
    settings.JWT_SIGNING_KEYS_FILE = str(path)


def test_jwks_publishes_the_public_key_with_its_thumbprint_as_kid(api_client: APIClient) -> None:
    response = api_client.get("/.well-known/jwks.json")
    assert response.status_code == 200
    (jwk,) = response.json()["keys"]
    assert set(jwk) == {"kty", "use", "alg", "kid", "n", "e"}
    assert (jwk["kty"], jwk["use"], jwk["alg"]) == ("RSA", "sig", "RS256")
    assert jwk["kid"] == rfc7638_thumbprint(jwk)
    assert "d" not in jwk  # never the private part


def test_jwks_needs_no_token_and_ignores_a_bad_one(api_client: APIClient) -> None:
    api_client.credentials(HTTP_AUTHORIZATION="Bearer garbage")
    assert api_client.get("/.well-known/jwks.json").status_code == 200


@pytest.mark.django_db
def test_rotation_keeps_tokens_of_the_previous_key_valid(
    api_client: APIClient, user: User, settings: Any, tmp_path: Path
) -> None:
    old_token = obtain_pair(api_client, user.email, PASSWORD)["access_token"]
    old_kid = jwt.get_unverified_header(old_token)["kid"]

    use_keys(settings, tmp_path, NEXT_KEY_PEM, SIGNING_KEY_PEM)  # the new key first, the old kept

    published = [jwk["kid"] for jwk in api_client.get("/.well-known/jwks.json").json()["keys"]]
    assert len(published) == 2
    assert published[1] == old_kid
    new_token = obtain_pair(api_client, user.email, PASSWORD)["access_token"]
    assert jwt.get_unverified_header(new_token)["kid"] == published[0]
    for token in (old_token, new_token):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        assert client.get("/api/v1/users/me/").status_code == 200


@pytest.mark.django_db
def test_tokens_of_a_removed_key_are_refused(user: User, settings: Any, tmp_path: Path) -> None:
    client = client_for(user)
    use_keys(settings, tmp_path, NEXT_KEY_PEM)
    assert_error(client.get("/api/v1/users/me/"), 401, "authentication_failed")


def test_keys_can_come_from_the_environment_text(settings: Any) -> None:
    settings.JWT_SIGNING_KEYS_FILE = ""
    settings.JWT_SIGNING_KEYS = (NEXT_KEY_PEM + SIGNING_KEY_PEM).decode()
    assert len(keys.keyring().keys) == 2


def test_without_keys_the_service_refuses_to_start_naming_the_variable(settings: Any) -> None:
    settings.JWT_SIGNING_KEYS_FILE = ""
    settings.JWT_SIGNING_KEYS = ""
    with pytest.raises(ImproperlyConfigured, match="Set the JWT_SIGNING_KEYS_FILE environment variable"):
        keys.keyring()
    (error,) = signing_keys_check()
    assert error.id == "accounts.E001"
    assert "JWT_SIGNING_KEYS_FILE" in error.msg


@pytest.mark.parametrize(
    "content",
    [
        b"not a key",
        b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
    ],
)
def test_unusable_keys_stop_the_service(settings: Any, tmp_path: Path, content: bytes) -> None:
    use_keys(settings, tmp_path, content)
    with pytest.raises(ImproperlyConfigured):
        keys.keyring()


def test_a_missing_keys_file_stops_the_service(settings: Any, tmp_path: Path) -> None:
    settings.JWT_SIGNING_KEYS_FILE = str(tmp_path / "absent.pem")
    with pytest.raises(ImproperlyConfigured, match="JWT_SIGNING_KEYS_FILE"):
        keys.keyring()


def test_short_rsa_keys_are_refused(settings: Any, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    use_keys(settings, tmp_path, weak)
    with pytest.raises(ImproperlyConfigured, match="2048"):
        keys.keyring()


def test_unknown_kid_raises_the_resolver_error() -> None:
    from common.auth.keys import UnknownKeyError

    with pytest.raises(UnknownKeyError):
        keys.public_key_for_kid("no-such-kid")


def test_the_web_server_does_not_start_without_keys() -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("JWT_SIGNING_KEYS")}
    env["DJANGO_SETTINGS_MODULE"] = "accounts_service.settings"
    # What gunicorn does first: import the WSGI module.
    result = subprocess.run(
        [sys.executable, "-c", "import accounts_service.wsgi"],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Set the JWT_SIGNING_KEYS_FILE environment variable" in result.stderr
