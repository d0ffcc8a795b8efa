from devtools.testing.identity import AccountsSignInTests, ServiceIdentityTests


class TestOrdersIdentity(ServiceIdentityTests):
    service = "orders"


class TestOrdersAdminSignIn(AccountsSignInTests):
    service = "orders"
    staff_groups = ("order-managers", "order-viewers")
