from typing import Any

import pytest

from devtools.testing.tokens import SigningKey, use_test_signing_key


@pytest.fixture
def signing_key(settings: Any) -> SigningKey:
    """The key tokens are signed with in a test; the service trusts it and only it."""
    return use_test_signing_key(settings)
