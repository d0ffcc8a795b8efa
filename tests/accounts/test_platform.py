from typing import ClassVar

from devtools.testing.platform import ServicePlatformTests


class TestAccountsPlatform(ServicePlatformTests):
    service = "accounts"
    required_variables: ClassVar[tuple[str, ...]] = (
        *ServicePlatformTests.required_variables,
        "JWT_SIGNING_KEYS_FILE",
    )
