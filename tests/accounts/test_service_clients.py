"""Service clients: the create_service_client command and the client credentials grant."""

import io
from typing import Any

import jwt
import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from accounts_service.accounts.models import ServiceClient, User
from devtools.testing.errors import assert_error
from tests.accounts.conftest import CLIENT_SECRET

pytestmark = pytest.mark.django_db

URL = "/api/v1/auth/service-token/"
SERVICE_CLAIMS = {"iss", "aud", "sub", "exp", "iat", "jti", "scope"}


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("create_service_client", *args, stdout=out)
    return out.getvalue()


def printed_secret(output: str) -> str:
    (line,) = [line for line in output.splitlines() if line.startswith("client secret")]
    return line.rsplit(" ", 1)[1]


def service_token(client: APIClient, **body: Any) -> Any:
    return client.post(URL, {"client_id": "orders", "client_secret": CLIENT_SECRET, **body})


# --- the command -----------------------------------------------------------------------------


def test_create_prints_the_secret_once_and_stores_only_its_hash(api_client: APIClient) -> None:
    output = run("billing", "--scope", "accounts.users:read")
    secret = printed_secret(output)
    client = ServiceClient.objects.get(name="billing")
    assert client.scopes == ["accounts.users:read"]
    assert secret not in client.secret_hash
    response = api_client.post(URL, {"client_id": "billing", "client_secret": secret})
    assert response.status_code == 200, response.content


def test_an_existing_client_needs_rotate_or_secret_from_env() -> None:
    run("billing", "--scope", "accounts.users:read")
    with pytest.raises(CommandError, match="already exists"):
        run("billing", "--scope", "accounts.users:read")


def test_rotate_prints_a_new_secret_and_the_old_one_stops_working(api_client: APIClient) -> None:
    old = printed_secret(run("billing", "--scope", "accounts.users:read"))
    new = printed_secret(run("billing", "--rotate"))
    assert new != old
    assert api_client.post(URL, {"client_id": "billing", "client_secret": old}).status_code == 401
    assert api_client.post(URL, {"client_id": "billing", "client_secret": new}).status_code == 200


def test_the_dev_runner_call_upserts_on_every_start(api_client: APIClient, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["orders", "--scope", "accounts.users:read", "--scope", "catalog.reservations:write"]
    monkeypatch.setenv("SERVICE_CLIENT_SECRET", "first-secret-of-the-dev-runner")
    assert "client secret" not in run(*args, "--secret-from-env", "SERVICE_CLIENT_SECRET")
    monkeypatch.setenv("SERVICE_CLIENT_SECRET", "second-secret-of-the-dev-runner")
    run(*args[:3], "--secret-from-env", "SERVICE_CLIENT_SECRET")  # one scope fewer

    client = ServiceClient.objects.get(name="orders")
    assert client.scopes == ["accounts.users:read"]
    body = {"client_id": "orders", "client_secret": "second-secret-of-the-dev-runner"}
    assert api_client.post(URL, body).json()["scope"] == "accounts.users:read"
    body["client_secret"] = "first-secret-of-the-dev-runner"
    assert api_client.post(URL, body).status_code == 401


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x", "--scope", "no spaces allowed"], "Invalid scope"),
        (["x", "--scope", "missing-colon"], "Invalid scope"),
        (["bad name!", "--scope", "a.b:c"], "Invalid client name"),
        (["x", "--secret-from-env", "MERCATO_UNSET_VARIABLE"], "Set the MERCATO_UNSET_VARIABLE"),
    ],
)
def test_bad_arguments_are_clear_errors(args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        run(*args)


# --- the client credentials grant ------------------------------------------------------------


def test_service_token_carries_all_granted_scopes_by_default(api_client: APIClient, orders_client: Any) -> None:
    response = service_token(api_client)
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"access_token", "token_type", "expires_in", "scope"}
    assert body["scope"] == "accounts.users:read catalog.reservations:write"
    assert (body["token_type"], body["expires_in"]) == ("Bearer", 300)
    jwks = {jwk["kid"]: jwt.PyJWK(jwk) for jwk in api_client.get("/.well-known/jwks.json").json()["keys"]}
    kid = jwt.get_unverified_header(body["access_token"])["kid"]
    claims = jwt.decode(body["access_token"], jwks[kid].key, algorithms=["RS256"], audience="mercato")
    assert set(claims) == SERVICE_CLAIMS
    assert claims["sub"] == "service:orders"
    assert claims["scope"] == body["scope"]


def test_a_subset_of_scopes_can_be_requested(api_client: APIClient, orders_client: Any) -> None:
    assert service_token(api_client, scope="accounts.users:read").json()["scope"] == "accounts.users:read"


def test_the_grant_accepts_a_form_body(api_client: APIClient, orders_client: Any) -> None:
    response = api_client.post(
        URL,
        {"grant_type": "client_credentials", "client_id": "orders", "client_secret": CLIENT_SECRET},
        format="multipart",
    )
    assert response.status_code == 415  # multipart is not a form the grant takes
    response = api_client.generic(
        "POST",
        URL,
        f"grant_type=client_credentials&client_id=orders&client_secret={CLIENT_SECRET}&scope=accounts.users%3Aread",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200, response.content
    assert response.json()["scope"] == "accounts.users:read"


def test_a_scope_not_granted_is_400_invalid_scope(api_client: APIClient, orders_client: Any) -> None:
    assert_error(
        service_token(api_client, scope="accounts.users:read accounts.users:write"), 400, "invalid_scope", "scope"
    )


@pytest.mark.parametrize(
    "body",
    [
        {"client_secret": "wrong-secret-123"},
        {"client_id": "nobody"},
        {"client_id": "orders ", "client_secret": CLIENT_SECRET + "x"},
    ],
)
def test_bad_client_credentials_are_401(api_client: APIClient, orders_client: Any, body: dict[str, str]) -> None:
    assert_error(service_token(api_client, **body), 401, "authentication_failed")


def test_an_inactive_client_gets_no_token(api_client: APIClient, orders_client: ServiceClient) -> None:
    ServiceClient.objects.filter(pk=orders_client.pk).update(is_active=False)
    assert_error(service_token(api_client), 401, "authentication_failed")


def test_another_grant_type_is_refused(api_client: APIClient, orders_client: Any) -> None:
    assert_error(service_token(api_client, grant_type="password"), 400, "invalid_choice", "grant_type")


def test_a_service_token_reads_a_user_end_to_end(api_client: APIClient, orders_client: Any, user: User) -> None:
    token = service_token(api_client, scope="accounts.users:read").json()["access_token"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    response = api_client.get(f"/api/v1/users/{user.pk}/")
    assert response.status_code == 200
    assert response.json()["email"] == user.email


def test_a_token_without_the_scope_cannot_read_users(api_client: APIClient, orders_client: Any, user: User) -> None:
    token = service_token(api_client, scope="catalog.reservations:write").json()["access_token"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert_error(api_client.get(f"/api/v1/users/{user.pk}/"), 403, "permission_denied")
