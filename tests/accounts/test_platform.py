from common.testing.platform import ServicePlatformTests


class TestAccountsPlatform(ServicePlatformTests):
    service = "accounts"
