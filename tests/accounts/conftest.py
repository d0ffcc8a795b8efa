"""Fixtures of the accounts suite: signing keys, users, clients with tokens, a fast hasher."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import override_settings
from django.utils import timezone
from rest_framework.test import APIClient

from accounts_service.accounts import selectors
from accounts_service.accounts.models import ServiceClient, User
from accounts_service.accounts.services import service_client_create
from accounts_service.accounts.tokens import encode_service_token, encode_user_access_token
from tests.accounts.helpers import LOCKOUT_LIMIT

PASSWORD = "correct horse battery staple 42"
CLIENT_SECRET = "s3rvice-client-secret-for-tests"


def new_private_key_pem() -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


# Written at import, before any test runs: the settings were read before this module, so the
# keys reach the in-process settings through the session fixture below, and subprocesses
# (manage.py check in the platform tests) through the environment.
KEYS_DIR = Path(tempfile.mkdtemp(prefix="mercato-accounts-keys-"))
atexit.register(shutil.rmtree, KEYS_DIR, ignore_errors=True)
SIGNING_KEY_PEM = new_private_key_pem()
KEYS_FILE = KEYS_DIR / "signing-keys.pem"
KEYS_FILE.write_bytes(SIGNING_KEY_PEM)
os.environ["JWT_SIGNING_KEYS_FILE"] = str(KEYS_FILE)


@pytest.fixture(scope="session", autouse=True)
def _test_settings() -> Iterator[None]:
    with override_settings(
        JWT_SIGNING_KEYS_FILE=str(KEYS_FILE),
        JWT_SIGNING_KEYS="",
        # Argon2 is slow on purpose; tests that are about hashing switch it back on.
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ):
        yield


@pytest.fixture
def lockout_settings(settings: Any) -> None:
    settings.AXES_FAILURE_LIMIT = LOCKOUT_LIMIT
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    counter = iter(range(1, 1_000_000))

    def make(email: str | None = None, password: str = PASSWORD, **fields: Any) -> User:
        return User.objects.create_user(email or f"user{next(counter)}@example.com", password, **fields)

    return make


@pytest.fixture
def user(make_user: Callable[..., User]) -> User:
    return make_user("ada@example.com", full_name="Ada Lovelace")


@pytest.fixture
def staff_user(make_user: Callable[..., User]) -> User:
    return make_user("staff@example.com", full_name="Grace Hopper", is_staff=True)


def access_token_for(user: User) -> str:
    return encode_user_access_token(
        user_id=user.pk,
        email=user.email,
        is_staff=user.is_staff,
        groups=selectors.user_group_names(user=user),
        now=timezone.now(),
    ).token


def client_for(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token_for(user)}")
    return client


@pytest.fixture
def user_client(user: User) -> APIClient:
    return client_for(user)


@pytest.fixture
def staff_client(staff_user: User) -> APIClient:
    return client_for(staff_user)


@pytest.fixture
def orders_client(db: None) -> ServiceClient:
    return service_client_create(
        name="orders", scopes=["accounts.users:read", "catalog.reservations:write"], secret=CLIENT_SECRET
    ).client


def service_api_client(name: str, scopes: list[str]) -> APIClient:
    client = APIClient()
    token = encode_service_token(client_name=name, scopes=scopes, now=timezone.now()).token
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client
