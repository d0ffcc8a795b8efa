from devtools.testing.platform import ServicePlatformTests


class TestOrdersPlatform(ServicePlatformTests):
    service = "orders"
    required_variables = (*ServicePlatformTests.required_variables, "ACCOUNTS_URL", "CATALOG_URL")
