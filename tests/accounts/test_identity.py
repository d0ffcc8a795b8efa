from devtools.testing.identity import ServiceIdentityTests


class TestAccountsIdentity(ServiceIdentityTests):
    service = "accounts"
