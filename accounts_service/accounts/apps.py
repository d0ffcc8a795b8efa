from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts_service.accounts"
    label = "accounts"

    def ready(self) -> None:
        from accounts_service.accounts import checks  # noqa: F401  (registers the system checks)
