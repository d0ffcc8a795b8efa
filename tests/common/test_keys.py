"""The JWKS key resolver against a JWKS served by a real local HTTP server."""

import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from jwt import PyJWK

from common.auth.keys import JWKSKeyResolver, KeysUnavailable, UnknownKeyError, public_key_for_kid
from common.http import ServiceClient
from devtools.testing.http_server import Answer, LocalHTTPServer, local_http_server
from devtools.testing.tokens import jwks, shared_key, user_claims

KEY_A = shared_key("a")
KEY_B = shared_key("b")
JWKS_PATH = "/.well-known/jwks.json"


@pytest.fixture
def accounts() -> Iterator[LocalHTTPServer]:
    with local_http_server() as server:
        server.answer_in_turn(Answer.json(jwks(KEY_A)))
        yield server


def resolver(
    server: LocalHTTPServer, *, cache_seconds: float = 300, min_refetch_seconds: float = 10
) -> JWKSKeyResolver:
    client = ServiceClient("accounts", server.url, retries=0)
    return JWKSKeyResolver(client, cache_seconds=cache_seconds, min_refetch_seconds=min_refetch_seconds)


def fetches(server: LocalHTTPServer) -> int:
    return server.paths().count(JWKS_PATH)


def test_a_known_kid_is_served_from_the_cache(accounts: LocalHTTPServer) -> None:
    keys = resolver(accounts)
    for _ in range(5):
        key = keys(KEY_A.kid)
    assert isinstance(key, PyJWK)
    assert key.key_id == KEY_A.kid
    assert fetches(accounts) == 1


def test_an_unknown_kid_triggers_one_refetch_that_finds_a_rotated_in_key(accounts: LocalHTTPServer) -> None:
    keys = resolver(accounts, min_refetch_seconds=0.2)
    keys(KEY_A.kid)
    accounts.answer_in_turn(Answer.json(jwks(KEY_B, KEY_A)))  # accounts restarted with B first
    time.sleep(0.25)
    assert keys(KEY_B.kid).key_id == KEY_B.kid
    assert keys(KEY_A.kid).key_id == KEY_A.kid
    assert fetches(accounts) == 2


def test_refetching_for_unknown_kids_is_rate_limited(accounts: LocalHTTPServer) -> None:
    keys = resolver(accounts, min_refetch_seconds=0.3)
    keys(KEY_A.kid)
    for _ in range(20):  # random kids: one fetch at most per interval
        with pytest.raises(UnknownKeyError):
            keys(uuid.uuid4().hex)
    assert fetches(accounts) == 1
    time.sleep(0.35)
    for _ in range(20):
        with pytest.raises(UnknownKeyError):
            keys(uuid.uuid4().hex)
    assert fetches(accounts) == 2


def test_the_cache_expires(accounts: LocalHTTPServer) -> None:
    keys = resolver(accounts, cache_seconds=0.1)
    keys(KEY_A.kid)
    time.sleep(0.15)
    keys(KEY_A.kid)
    assert fetches(accounts) == 2


def test_known_keys_stay_in_use_while_accounts_is_down(accounts: LocalHTTPServer) -> None:
    keys = resolver(accounts, cache_seconds=0.1, min_refetch_seconds=0)
    keys(KEY_A.kid)
    accounts.answer_in_turn(Answer(503))
    time.sleep(0.15)
    assert keys(KEY_A.kid).key_id == KEY_A.kid
    assert fetches(accounts) == 2


@pytest.mark.parametrize(
    "answer",
    [Answer(503), Answer(200, b"<html>"), Answer.json(["not", "an", "object"]), Answer.json({"keys": []})],
)
def test_no_keys_to_be_had_is_keys_unavailable(accounts: LocalHTTPServer, answer: Answer) -> None:
    accounts.answer_in_turn(answer)
    with pytest.raises(KeysUnavailable):
        resolver(accounts)(KEY_A.kid)


def test_an_unreachable_accounts_is_keys_unavailable() -> None:
    keys = JWKSKeyResolver(
        ServiceClient("accounts", "http://127.0.0.1:9", retries=0), cache_seconds=300, min_refetch_seconds=10
    )
    with pytest.raises(KeysUnavailable):
        keys("any")


def test_the_default_resolver_reads_the_jwks_at_accounts_url(accounts: LocalHTTPServer, settings: Any) -> None:
    settings.ACCOUNTS_URL = accounts.url
    assert public_key_for_kid(KEY_A.kid).key_id == KEY_A.kid
    assert accounts.requests[0].path == JWKS_PATH


def test_a_service_verifies_tokens_from_the_jwks_and_picks_up_a_rotated_key(
    accounts: LocalHTTPServer, settings: Any, client: Client
) -> None:
    settings.ACCOUNTS_URL = accounts.url
    settings.JWKS_MIN_REFETCH_SECONDS = 0
    whoami = "/api/v1/auth/whoami/"
    assert client.get(whoami, headers={"Authorization": f"Bearer {KEY_A.sign(user_claims())}"}).status_code == 200
    token_b = KEY_B.sign(user_claims())
    assert client.get(whoami, headers={"Authorization": f"Bearer {token_b}"}).status_code == 401
    accounts.answer_in_turn(Answer.json(jwks(KEY_B, KEY_A)))
    assert client.get(whoami, headers={"Authorization": f"Bearer {token_b}"}).status_code == 200
