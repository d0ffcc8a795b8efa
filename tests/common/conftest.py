from collections.abc import Iterator
from typing import Any

import pytest

from common.clients.accounts import service_tokens_forget
from devtools.testing.tokens import SigningKey, use_test_signing_key
from tests.real_services import CLIENT_ID, RealAccounts, real_accounts


@pytest.fixture
def signing_key(settings: Any) -> SigningKey:
    """The key tokens are signed with in a test; the service trusts it and only it."""
    return use_test_signing_key(settings)


@pytest.fixture(scope="session")
def real_accounts_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RealAccounts]:
    """The real accounts, for the whole session (tests/real_services.py)."""
    with real_accounts(tmp_path_factory.mktemp("accounts"), dbname_prefix="common_tests") as accounts:
        yield accounts


@pytest.fixture
def accounts(settings: Any, real_accounts_service: RealAccounts) -> Iterator[RealAccounts]:
    """The real accounts, which this service calls through its fault proxy with its service
    client; left without people, lock-outs or faults after the test."""
    settings.ACCOUNTS_URL = real_accounts_service.url
    settings.SERVICE_CLIENT_ID = CLIENT_ID
    settings.SERVICE_CLIENT_SECRET = real_accounts_service.client_secret
    # A token cached in another test would not be counted in this one's requests.
    service_tokens_forget()
    try:
        yield real_accounts_service
    finally:
        service_tokens_forget()
        real_accounts_service.end_test()
