"""JWTAuthentication and the permissions over TokenUser, on test views of the common project.

Tokens are signed with a key generated here; JWT_KEY_RESOLVER trusts it and only it.
"""

import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import jwt
import pytest
from django.conf import settings
from django.test import Client

from common.auth.authentication import TokenUser, VerifiedTokens, _Verified
from common.auth.keys import KeysUnavailable, UnknownKeyError
from common.auth.permissions import require_scope
from devtools.testing.tokens import (
    SigningKey,
    b64url,
    hmac_with_public_key,
    service_claims,
    shared_key,
    tampered,
    unsigned_token,
    user_claims,
)

USER_VIEW = "/test/auth/user/"
STAFF_VIEW = "/test/auth/staff/"
SCOPE_VIEW = "/test/auth/scope/"  # needs catalog.reservations:write
STAFF_OR_SCOPE_VIEW = "/test/auth/staff-or-scope/"  # staff, or accounts.users:read


def get(client: Client, path: str, token: str | None, **headers: str) -> Any:
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return client.get(path, headers=headers)


def assert_401(response: Any, detail: str | None = None) -> None:
    assert response.status_code == 401, response.content
    assert response["WWW-Authenticate"] == "Bearer"
    body = response.json()
    assert body["type"] == "client_error"
    assert body["errors"][0]["code"] in {"authentication_failed", "not_authenticated"}
    if detail is not None:
        assert body["errors"][0]["detail"] == detail


# --- valid tokens -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_valid_user_token_is_accepted_without_any_query(
    client: Client, signing_key: SigningKey, django_assert_num_queries: Any
) -> None:
    claims = user_claims()
    with django_assert_num_queries(0):
        response = get(client, USER_VIEW, signing_key.sign(claims))
    assert response.status_code == 200, response.content
    assert response.json() == {"principal": f"user:{claims['sub']}"}


def test_a_token_just_past_exp_is_accepted_within_the_leeway(client: Client, signing_key: SigningKey) -> None:
    now = int(time.time())
    claims = user_claims(exp=now, iat=now - 300)  # leeway 1 s
    assert get(client, USER_VIEW, signing_key.sign(claims)).status_code == 200


def test_the_audience_may_be_a_list(client: Client, signing_key: SigningKey) -> None:
    claims = user_claims(aud=["elsewhere", settings.JWT_AUDIENCE])
    assert get(client, USER_VIEW, signing_key.sign(claims)).status_code == 200


def test_token_user_from_claims() -> None:
    user = TokenUser.from_claims(
        user_claims(user_id="7D3B3D51-0A8A-4C8F-9B5B-7A2E9F1C0D11", email="a@example.com", is_staff=True, groups=["g"])
    )
    assert user == TokenUser(
        id="7d3b3d51-0a8a-4c8f-9b5b-7a2e9f1c0d11",
        email="a@example.com",
        is_staff=True,
        groups=("g",),
        scopes=frozenset(),
        principal="user:7d3b3d51-0a8a-4c8f-9b5b-7a2e9f1c0d11",
    )
    assert (user.is_authenticated, user.is_anonymous, user.pk, user.is_service) == (True, False, user.id, False)
    service = TokenUser.from_claims(service_claims("orders", ["a:read", "b:write"]))
    assert service.principal == "service:orders"
    assert service.scopes == frozenset({"a:read", "b:write"})
    assert (service.id, service.pk, service.is_staff, service.is_service) == (None, "service:orders", False, True)


# --- forged and broken tokens: all 401 --------------------------------------------------------


def _other_key_same_kid(key: SigningKey) -> str:
    return SigningKey(shared_key("other").private_key, key.kid).sign(user_claims())


def _without_kid(key: SigningKey) -> str:
    return jwt.encode(user_claims(), key.private_key, algorithm="RS256")


def _header_and_claims(header: dict[str, Any], claims: dict[str, Any]) -> str:
    return _raw(header, json.dumps(claims).encode())


def _raw(header: dict[str, Any], payload: bytes) -> str:
    return f"{b64url(json.dumps(header).encode())}.{b64url(payload)}.{b64url(b'signature')}"


FORGERIES: dict[str, Callable[[SigningKey], str]] = {
    "alg none": lambda key: unsigned_token(user_claims(is_staff=True), key.kid),
    "alg None, capitalised": lambda key: _header_and_claims({"alg": "None", "kid": key.kid}, user_claims()),
    "HS256 with the public key as the secret": lambda key: hmac_with_public_key(user_claims(is_staff=True), key),
    "wrong issuer": lambda key: key.sign(user_claims(iss="someone-else")),
    "wrong audience": lambda key: key.sign(user_claims(aud="someone-else")),
    "no audience": lambda key: key.sign({k: v for k, v in user_claims().items() if k != "aud"}),
    "no exp": lambda key: key.sign({k: v for k, v in user_claims().items() if k != "exp"}),
    "no iat": lambda key: key.sign({k: v for k, v in user_claims().items() if k != "iat"}),
    "no sub": lambda key: key.sign({k: v for k, v in user_claims().items() if k != "sub"}),
    "issued in the future": lambda key: key.sign(user_claims(iat=int(time.time()) + 3600)),
    "unknown kid": lambda key: key.sign(user_claims(), headers={"kid": "no-such-kid"}),
    "missing kid": _without_kid,
    "kid not a string": lambda key: _header_and_claims({"alg": "RS256", "kid": 42}, user_claims()),
    "signed by another key under the right kid": _other_key_same_kid,
    "tampered payload": lambda key: tampered(key.sign(user_claims()), is_staff=True),
    "tampered subject": lambda key: tampered(key.sign(user_claims()), sub="00000000-0000-0000-0000-000000000001"),
    "sub not a UUID": lambda key: key.sign(user_claims(sub="admin")),
    "groups not a list": lambda key: key.sign({**user_claims(), "groups": "catalog-managers"}),
    "is_staff not a boolean": lambda key: key.sign({**user_claims(), "is_staff": "yes"}),
    "empty service name": lambda key: key.sign(service_claims("")),
    "garbage": lambda key: "not-a-jwt",
    "garbage in three parts": lambda key: "a.b.c",
    "header not JSON": lambda key: f"{b64url(b'{nope')}.{b64url(b'{}')}.c2ln",
    "header a JSON list": lambda key: f"{b64url(b'[1]')}.{b64url(b'{}')}.c2ln",
    "payload not JSON": lambda key: _raw({"alg": "RS256", "kid": key.kid}, b"\xff\xfe{"),
    "payload a JSON list": lambda key: _raw({"alg": "RS256", "kid": key.kid}, b"[1, 2]"),
}


@pytest.mark.parametrize("forgery", FORGERIES)
def test_forged_and_broken_tokens_are_401(client: Client, signing_key: SigningKey, forgery: str) -> None:
    assert_401(get(client, USER_VIEW, FORGERIES[forgery](signing_key)))


def test_expired_by_one_second_beyond_the_leeway_is_401(client: Client, signing_key: SigningKey) -> None:
    now = int(time.time())
    claims = user_claims(exp=now - settings.JWT_LEEWAY_SECONDS - 1, iat=now - 300)
    assert_401(get(client, USER_VIEW, signing_key.sign(claims)), "The token has expired.")


@pytest.mark.parametrize(
    "authorization",
    ["Bearer", "Bearer a b", "Bearer " + "x" * 9000, "Bearer t\u00f6ken"],
)
def test_malformed_authorization_headers_are_401(client: Client, signing_key: SigningKey, authorization: str) -> None:
    response = client.get(USER_VIEW, headers={"Authorization": authorization})
    assert_401(response)


@pytest.mark.parametrize("authorization", [None, "Basic dXNlcjpwYXNz", "Token abc"])
def test_no_bearer_token_is_401_not_authenticated(client: Client, authorization: str | None) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    response = client.get(USER_VIEW, headers=headers)
    assert_401(response)
    assert response.json()["errors"][0]["code"] == "not_authenticated"


def test_a_refused_token_costs_no_key_lookup_for_a_foreign_alg(client: Client, settings: Any) -> None:
    settings.JWT_KEY_RESOLVER = "tests.common.test_authentication.exploding_resolver"
    assert_401(get(client, USER_VIEW, unsigned_token(user_claims(), "any-kid")))


def exploding_resolver(kid: str) -> Any:
    raise AssertionError("the resolver must not be asked")


def test_keys_that_cannot_be_had_are_503_not_401(settings: Any) -> None:
    settings.JWT_KEY_RESOLVER = "tests.common.test_authentication.unavailable_resolver"
    response = get(Client(raise_request_exception=False), USER_VIEW, shared_key().sign(user_claims()))
    assert response.status_code == 503
    assert response.json()["errors"][0]["code"] == "authentication_unavailable"


def unavailable_resolver(kid: str) -> Any:
    raise KeysUnavailable("accounts is down")


# --- verified tokens, cached -------------------------------------------------------------------

# The keys switchable_resolver knows: changed within a test without a setting changing (a change
# of JWT_* settings forgets the cache, which would make these tests pass for the wrong reason).
_switchable: dict[str, Any] = {}


def switchable_resolver(kid: str) -> Any:
    try:
        return _switchable[kid]
    except KeyError:
        raise UnknownKeyError(kid) from None


@pytest.fixture
def switchable_key(settings: Any) -> Iterator[SigningKey]:
    key = shared_key()
    _switchable.clear()
    _switchable[key.kid] = key.public_key
    settings.JWT_KEY_RESOLVER = "tests.common.test_authentication.switchable_resolver"
    yield key
    _switchable.clear()


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The tokens whose signature and claims PyJWT checks, in order."""
    checked: list[str] = []
    decode = jwt.decode

    def counting(token: str, *args: Any, **kwargs: Any) -> Any:
        checked.append(token)
        return decode(token, *args, **kwargs)

    monkeypatch.setattr(jwt, "decode", counting)
    return checked


def test_a_token_verified_once_is_not_verified_again(
    client: Client, switchable_key: SigningKey, decodes: list[str]
) -> None:
    token = switchable_key.sign(service_claims("orders", ["catalog.reservations:write"]))
    other = switchable_key.sign(user_claims())
    for _ in range(3):
        assert get(client, SCOPE_VIEW, token).json() == {"principal": "service:orders"}
    assert get(client, USER_VIEW, other).status_code == 200
    assert decodes == [token, other]


def test_a_cached_token_whose_key_is_withdrawn_is_refused(
    client: Client, switchable_key: SigningKey, decodes: list[str]
) -> None:
    token = switchable_key.sign(user_claims())
    assert get(client, USER_VIEW, token).status_code == 200
    del _switchable[switchable_key.kid]
    assert_401(get(client, USER_VIEW, token), "The token is signed with an unknown key.")
    assert decodes == [token]


def test_a_cached_token_is_verified_again_when_its_kid_names_another_key(
    client: Client, switchable_key: SigningKey, decodes: list[str]
) -> None:
    token = switchable_key.sign(user_claims())
    assert get(client, USER_VIEW, token).status_code == 200
    _switchable[switchable_key.kid] = shared_key("other").public_key
    assert_401(get(client, USER_VIEW, token), "The token is invalid.")
    assert decodes == [token, token]


def test_a_cached_token_is_refused_once_it_expires(
    client: Client, switchable_key: SigningKey, decodes: list[str], settings: Any
) -> None:
    settings.JWT_LEEWAY_SECONDS = 0
    exp = int(time.time()) + 2
    token = switchable_key.sign(user_claims(exp=exp))
    assert get(client, USER_VIEW, token).status_code == 200
    assert get(client, USER_VIEW, token).status_code == 200
    time.sleep(max(exp - time.time(), 0) + 0.1)
    assert_401(get(client, USER_VIEW, token), "The token has expired.")
    assert decodes == [token, token]


def test_the_verified_tokens_are_bounded_least_recently_used_first(switchable_key: SigningKey) -> None:
    cache = VerifiedTokens(maxsize=2)
    entries = {}
    for name in ("a", "b", "c"):
        token = switchable_key.sign(service_claims(name))
        entries[name] = token
        cache.put(
            token,
            _Verified(
                user=TokenUser.from_claims(service_claims(name)),
                kid=switchable_key.kid,
                key=_switchable[switchable_key.kid],
                expires_at=time.time() + 60,
            ),
        )
        if name == "b":
            assert cache.get(entries["a"], switchable_resolver) is not None  # a is now the most recent
    assert len(cache) == 2
    assert cache.get(entries["b"], switchable_resolver) is None
    assert {cache.get(entries[n], switchable_resolver).principal for n in "ac"} == {"service:a", "service:c"}  # type: ignore[union-attr]


# --- permissions ------------------------------------------------------------------------------


def test_staff_view_admits_staff_only(client: Client, signing_key: SigningKey) -> None:
    assert get(client, STAFF_VIEW, signing_key.sign(user_claims(is_staff=True))).status_code == 200
    response = get(client, STAFF_VIEW, signing_key.sign(user_claims(is_staff=False)))
    assert response.status_code == 403
    assert response.json()["errors"][0] == {
        "code": "permission_denied",
        "detail": "Only staff may do this.",
        "attr": None,
    }
    assert get(client, STAFF_VIEW, signing_key.sign(service_claims("orders", ["x"]))).status_code == 403


def test_scope_view_admits_a_service_with_the_scope(client: Client, signing_key: SigningKey) -> None:
    token = signing_key.sign(service_claims("orders", ["catalog.reservations:write"]))
    assert get(client, SCOPE_VIEW, token).json() == {"principal": "service:orders"}


def test_a_service_token_without_the_scope_is_403(client: Client, signing_key: SigningKey) -> None:
    token = signing_key.sign(service_claims("orders", ["accounts.users:read"]))
    response = get(client, SCOPE_VIEW, token)
    assert response.status_code == 403
    assert response.json()["errors"][0]["detail"] == "This needs the scope catalog.reservations:write."
    staff = signing_key.sign(user_claims(is_staff=True))
    assert get(client, SCOPE_VIEW, staff).status_code == 403


def test_permissions_compose_with_or(client: Client, signing_key: SigningKey) -> None:
    assert get(client, STAFF_OR_SCOPE_VIEW, signing_key.sign(user_claims(is_staff=True))).status_code == 200
    reader = signing_key.sign(service_claims("orders", ["accounts.users:read"]))
    assert get(client, STAFF_OR_SCOPE_VIEW, reader).status_code == 200
    assert get(client, STAFF_OR_SCOPE_VIEW, signing_key.sign(user_claims())).status_code == 403
    assert get(client, STAFF_OR_SCOPE_VIEW, None).status_code == 401


def test_require_scope_names_its_class() -> None:
    permission = require_scope("catalog.reservations:write")
    assert permission.__name__ == "RequireScope[catalog.reservations:write]"
    assert require_scope("catalog.reservations:write") is permission


# --- whoami and the request log -----------------------------------------------------------------


def test_whoami(client: Client, signing_key: SigningKey) -> None:
    claims = user_claims(email="x@example.com", groups=["catalog-viewers"])
    response = get(client, "/api/v1/auth/whoami/", signing_key.sign(claims))
    assert response.json() == {
        "principal": f"user:{claims['sub']}",
        "id": claims["sub"],
        "email": "x@example.com",
        "is_staff": False,
        "groups": ["catalog-viewers"],
        "scopes": [],
    }


def test_the_request_log_names_the_principal(
    client: Client, signing_key: SigningKey, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("INFO", logger="mercato.request"):
        get(client, USER_VIEW, signing_key.sign(service_claims("orders")))
    (record,) = [r for r in caplog.records if r.name == "mercato.request"]
    assert vars(record)["user"] == "service:orders"
