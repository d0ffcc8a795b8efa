from devtools.testing.identity import AccountsSignInTests, ServiceIdentityTests


class TestCatalogIdentity(ServiceIdentityTests):
    service = "catalog"


class TestCatalogAdminSignIn(AccountsSignInTests):
    service = "catalog"
    staff_groups = ("catalog-managers", "catalog-viewers")
