from common.testing.identity import ServiceIdentityTests


class TestAccountsIdentity(ServiceIdentityTests):
    service = "accounts"
