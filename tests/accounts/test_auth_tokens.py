"""Signing in, refreshing (with rotation and reuse detection), signing out."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import jwt
import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts_service.accounts.models import RefreshToken, User
from devtools.testing.errors import assert_error
from tests.accounts.conftest import PASSWORD
from tests.accounts.helpers import obtain_pair

pytestmark = pytest.mark.django_db

USER_CLAIMS = {"iss", "aud", "sub", "exp", "iat", "jti", "email", "is_staff", "groups"}


def verify_with_jwks(client: APIClient, token: str) -> dict[str, Any]:
    """Verify as another service would: only from the published JWK Set."""
    keys = {jwk["kid"]: jwt.PyJWK(jwk) for jwk in client.get("/.well-known/jwks.json").json()["keys"]}
    header = jwt.get_unverified_header(token)
    claims: dict[str, Any] = jwt.decode(
        token, keys[header["kid"]].key, algorithms=["RS256"], audience="mercato", issuer="mercato-accounts"
    )
    return claims


def test_sign_in_answers_a_token_pair(api_client: APIClient, user: User) -> None:
    response = api_client.post("/api/v1/auth/token/", {"email": user.email, "password": PASSWORD})
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"access_token", "refresh_token", "token_type", "expires_in"}
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 300
    assert response["Cache-Control"] == "no-store"


def test_access_token_has_exactly_the_contract_claims_and_verifies_with_the_jwks(
    api_client: APIClient, make_user: Callable[..., User]
) -> None:
    from django.contrib.auth.models import Group

    staff = make_user("boss@example.com", is_staff=True)
    staff.groups.add(Group.objects.create(name="catalog-managers"), Group.objects.create(name="auditors"))
    token = obtain_pair(api_client, "boss@example.com", PASSWORD)["access_token"]

    header = jwt.get_unverified_header(token)
    assert header["alg"] == "RS256"
    assert header["kid"]
    claims = verify_with_jwks(api_client, token)
    assert set(claims) == USER_CLAIMS
    assert claims["sub"] == str(staff.pk)
    assert claims["email"] == "boss@example.com"
    assert claims["is_staff"] is True
    assert claims["groups"] == ["auditors", "catalog-managers"]
    assert claims["exp"] - claims["iat"] == 300


def test_each_token_has_its_own_jti(api_client: APIClient, user: User) -> None:
    first = verify_with_jwks(api_client, obtain_pair(api_client, user.email, PASSWORD)["access_token"])
    second = verify_with_jwks(api_client, obtain_pair(api_client, user.email, PASSWORD)["access_token"])
    assert first["jti"] != second["jti"]


def test_email_is_matched_case_insensitively(api_client: APIClient, user: User) -> None:
    assert obtain_pair(api_client, "  ADA@Example.COM ", PASSWORD)["access_token"]


def test_sign_in_records_last_login(api_client: APIClient, user: User) -> None:
    obtain_pair(api_client, user.email, PASSWORD)
    user.refresh_from_db()
    assert user.last_login is not None


def test_unknown_email_wrong_password_and_inactive_user_get_the_same_401(
    api_client: APIClient, make_user: Callable[..., User]
) -> None:
    make_user("known@example.com")
    make_user("gone@example.com", is_active=False)
    answers = [
        api_client.post("/api/v1/auth/token/", {"email": email, "password": password})
        for email, password in [
            ("nobody@example.com", PASSWORD),
            ("known@example.com", "wrong password 123"),
            ("gone@example.com", PASSWORD),
        ]
    ]
    for response in answers:
        assert_error(response, 401, "authentication_failed")
        assert response["WWW-Authenticate"]
    assert len({response.content for response in answers}) == 1


def test_access_token_authenticates_requests(api_client: APIClient, user: User) -> None:
    token = obtain_pair(api_client, user.email, PASSWORD)["access_token"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    response = api_client.get("/api/v1/users/me/")
    assert response.status_code == 200
    assert response.json()["id"] == str(user.pk)


def test_whoami_answers_the_principal(api_client: APIClient, user: User) -> None:
    token = obtain_pair(api_client, user.email, PASSWORD)["access_token"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    response = api_client.get("/api/v1/auth/whoami/")
    assert response.status_code == 200
    assert response.json()["principal"] == f"user:{user.pk}"


@pytest.mark.parametrize("token", ["not-a-jwt", "a.b.c", "x" * 10_000])
def test_garbage_access_tokens_are_401(api_client: APIClient, token: str) -> None:
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert_error(api_client.get("/api/v1/users/me/"), 401, "authentication_failed")


# --- refresh ---------------------------------------------------------------------------------


def refresh(client: APIClient, token: str) -> Any:
    return client.post("/api/v1/auth/token/refresh/", {"refresh_token": token})


def test_refresh_returns_a_new_pair(api_client: APIClient, user: User) -> None:
    pair = obtain_pair(api_client, user.email, PASSWORD)
    response = refresh(api_client, pair["refresh_token"])
    assert response.status_code == 200, response.content
    new = response.json()
    assert new["refresh_token"] != pair["refresh_token"]
    assert verify_with_jwks(api_client, new["access_token"])["sub"] == str(user.pk)
    assert response["Cache-Control"] == "no-store"


def test_refresh_tokens_are_stored_only_as_hashes(api_client: APIClient, user: User) -> None:
    pair = obtain_pair(api_client, user.email, PASSWORD)
    stored = RefreshToken.objects.get(user=user)
    assert stored.token_hash != pair["refresh_token"]
    assert len(stored.token_hash) == 64


def test_a_rotated_refresh_token_cannot_be_used_again_and_reuse_revokes_the_family(
    api_client: APIClient, user: User
) -> None:
    first = obtain_pair(api_client, user.email, PASSWORD)["refresh_token"]
    second = refresh(api_client, first).json()["refresh_token"]

    assert_error(refresh(api_client, first), 401, "authentication_failed")
    # The thief may hold the newest token: it dies with the family.
    assert_error(refresh(api_client, second), 401, "authentication_failed")
    assert not RefreshToken.objects.filter(user=user, revoked_at__isnull=True).exists()


def test_reuse_revokes_only_the_family_of_that_sign_in(api_client: APIClient, user: User) -> None:
    phone = obtain_pair(api_client, user.email, PASSWORD)["refresh_token"]
    laptop = obtain_pair(api_client, user.email, PASSWORD)["refresh_token"]
    refresh(api_client, phone)
    refresh(api_client, phone)  # reuse
    assert refresh(api_client, laptop).status_code == 200


def test_expired_refresh_token_is_refused(api_client: APIClient, user: User) -> None:
    token = obtain_pair(api_client, user.email, PASSWORD)["refresh_token"]
    RefreshToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert_error(refresh(api_client, token), 401, "authentication_failed")


def test_unknown_refresh_token_is_refused(api_client: APIClient) -> None:
    assert_error(refresh(api_client, "no-such-token"), 401, "authentication_failed")


def test_refresh_is_refused_for_a_deactivated_user(api_client: APIClient, user: User) -> None:
    token = obtain_pair(api_client, user.email, PASSWORD)["refresh_token"]
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert_error(refresh(api_client, token), 401, "authentication_failed")


def test_refresh_carries_current_groups(api_client: APIClient, user: User) -> None:
    from django.contrib.auth.models import Group

    token = obtain_pair(api_client, user.email, PASSWORD)["refresh_token"]
    user.groups.add(Group.objects.create(name="support"))
    access = refresh(api_client, token).json()["access_token"]
    assert verify_with_jwks(api_client, access)["groups"] == ["support"]


# --- logout ----------------------------------------------------------------------------------


def test_logout_revokes_the_refresh_token(api_client: APIClient, user: User) -> None:
    pair = obtain_pair(api_client, user.email, PASSWORD)
    response = api_client.post("/api/v1/auth/logout/", {"refresh_token": pair["refresh_token"]})
    assert response.status_code == 204
    assert_error(refresh(api_client, pair["refresh_token"]), 401, "authentication_failed")


def test_logout_after_a_rotation_ends_the_sign_in(api_client: APIClient, user: User) -> None:
    first = obtain_pair(api_client, user.email, PASSWORD)["refresh_token"]
    second = refresh(api_client, first).json()["refresh_token"]
    api_client.post("/api/v1/auth/logout/", {"refresh_token": second})
    assert_error(refresh(api_client, second), 401, "authentication_failed")


def test_logout_with_an_unknown_token_is_still_204(api_client: APIClient) -> None:
    assert api_client.post("/api/v1/auth/logout/", {"refresh_token": "whatever"}).status_code == 204


def test_sign_in_throttle(api_client: APIClient, user: User, settings: Any) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "token": "2/minute"},
    }
    for _ in range(2):
        api_client.post("/api/v1/auth/token/", {"email": user.email, "password": PASSWORD})
    response = api_client.post("/api/v1/auth/token/", {"email": user.email, "password": PASSWORD})
    assert_error(response, 429, "throttled")
    assert "Retry-After" in response
