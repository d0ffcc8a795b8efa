from collections.abc import Iterator
from typing import Any

import pytest

from common.clients.accounts import service_tokens_forget
from devtools.testing.identity import AccountsSignInTests, ServiceIdentityTests
from tests.real_services import CLIENT_ID, RealAccounts, real_accounts


@pytest.fixture(scope="session")
def real_accounts_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RealAccounts]:
    """The real accounts (tests/real_services.py), started once, for the admin sign-in tests."""
    with real_accounts(tmp_path_factory.mktemp("accounts"), dbname_prefix="catalog_tests") as accounts:
        yield accounts


@pytest.fixture
def sign_in_accounts(settings: Any, real_accounts_service: RealAccounts) -> Iterator[RealAccounts]:
    settings.ACCOUNTS_URL = real_accounts_service.url
    settings.SERVICE_CLIENT_ID = CLIENT_ID
    settings.SERVICE_CLIENT_SECRET = real_accounts_service.client_secret
    service_tokens_forget()
    try:
        yield real_accounts_service
    finally:
        service_tokens_forget()
        real_accounts_service.end_test()


class TestCatalogIdentity(ServiceIdentityTests):
    service = "catalog"


class TestCatalogAdminSignIn(AccountsSignInTests):
    service = "catalog"
    staff_groups = ("catalog-managers", "catalog-viewers")
