"""Bad input is a 4xx in the error shape on every endpoint, never a 500."""

import json
from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts_service.accounts.models import User
from devtools.testing.errors import assert_error
from tests.accounts.conftest import client_for

pytestmark = pytest.mark.django_db

# Endpoint, whether it needs a user's token, and a valid body shape to spoil.
POST_ENDPOINTS = [
    ("/api/v1/auth/register/", False, {"email": "a@example.com", "password": "pass phrase 123", "full_name": "A"}),
    ("/api/v1/auth/token/", False, {"email": "a@example.com", "password": "pass phrase 123"}),
    ("/api/v1/auth/token/refresh/", False, {"refresh_token": "x"}),
    ("/api/v1/auth/logout/", False, {"refresh_token": "x"}),
    ("/api/v1/auth/service-token/", False, {"client_id": "orders", "client_secret": "x"}),
    ("/api/v1/auth/password-reset/", False, {"email": "a@example.com"}),
    ("/api/v1/auth/password-reset/confirm/", False, {"uid": "x", "token": "y", "new_password": "pass phrase 123"}),
    ("/api/v1/users/me/password/", True, {"current_password": "x", "new_password": "pass phrase 123"}),
    ("/api/v1/users/me/addresses/", True, {"recipient": "A", "line1": "1", "city": "B", "postal_code": "1",
                                           "country": "DE"}),
]  # fmt: skip
IDS = [endpoint for endpoint, _, _ in POST_ENDPOINTS]


def client(needs_user: bool, user: User) -> APIClient:
    return client_for(user) if needs_user else APIClient()


@pytest.mark.parametrize(("url", "needs_user", "body"), POST_ENDPOINTS, ids=IDS)
def test_malformed_json(user: User, url: str, needs_user: bool, body: dict[str, Any]) -> None:
    response = client(needs_user, user).post(url, '{"email": "unterminated', content_type="application/json")
    assert_error(response, 400, "parse_error")


@pytest.mark.parametrize(("url", "needs_user", "body"), POST_ENDPOINTS, ids=IDS)
@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda value: "nul\x00byte", id="nul"),
        pytest.param(lambda value: "\ud800", id="surrogate"),
        pytest.param(lambda value: "x" * 100_000, id="huge"),
        pytest.param(lambda value: ["a", "list"], id="list"),
        pytest.param(lambda value: {"an": "object"}, id="object"),
        pytest.param(lambda value: 10**40, id="number"),
        pytest.param(lambda value: float("inf"), id="infinity"),
        pytest.param(lambda value: None, id="null"),
    ],
)
def test_every_field_spoiled(user: User, url: str, needs_user: bool, body: dict[str, Any], spoil: Any) -> None:
    for field, value in body.items():
        # Encoded here: json.dumps escapes a lone surrogate, which the test client cannot encode.
        payload = json.dumps({**body, field: spoil(value)})
        response = client(needs_user, user).post(url, payload, content_type="application/json")
        # A number where text is expected is taken as its digits (DRF's CharField), never a 500.
        assert response.status_code < 500, (field, response.content)
        if response.status_code >= 400:
            assert response.json()["type"] in {"validation_error", "client_error"}


@pytest.mark.parametrize(("url", "needs_user", "body"), POST_ENDPOINTS, ids=IDS)
def test_a_body_that_is_not_an_object(user: User, url: str, needs_user: bool, body: dict[str, Any]) -> None:
    for payload in ('["a"]', '"text"', "42", "null"):
        response = client(needs_user, user).post(url, payload, content_type="application/json")
        assert 400 <= response.status_code < 500, (payload, response.content)


@pytest.mark.parametrize(("url", "needs_user", "body"), POST_ENDPOINTS[:4], ids=IDS[:4])
def test_form_bodies_are_415_where_only_json_is_taken(user: User, url: str, needs_user: bool, body: Any) -> None:
    response = client(needs_user, user).generic("POST", url, "a=b", content_type="application/x-www-form-urlencoded")
    assert_error(response, 415, "unsupported_media_type")


def test_patch_bodies_are_hardened(user: User) -> None:
    api = client_for(user)
    for value in ("nul\x00", "\ud800", ["list"], {"an": "object"}, None, "x" * 10_000):
        response = api.patch("/api/v1/users/me/", json.dumps({"full_name": value}), content_type="application/json")
        assert response.status_code == 400, response.content


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/users/not-a-uuid/",
        "/api/v1/users/not-a-uuid/deactivate/",
        "/api/v1/users/me/addresses/not-a-uuid/",
        "/api/v1/users/me/addresses/not-a-uuid/set-default/",
        "/api/v1/users/%00/",
    ],
)
def test_non_uuid_ids_in_paths_are_404(staff_user: User, path: str) -> None:
    assert_error(client_for(staff_user).get(path), 404, "not_found")


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer a b", "Bearer " + "x" * 20_000, "Bearer \u00e9t\u00e9", "Basic dXNlcjpwYXNz"],
)
def test_odd_authorization_headers_are_401(db: None, header: str) -> None:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=header)
    response = api.get("/api/v1/users/me/")
    assert response.status_code == 401, response.content
    assert response.json()["type"] == "client_error"
