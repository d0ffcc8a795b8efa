from devtools.testing.platform import ServicePlatformTests


class TestCatalogPlatform(ServicePlatformTests):
    service = "catalog"
    required_variables = (*ServicePlatformTests.required_variables, "ACCOUNTS_URL")
