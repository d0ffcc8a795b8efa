from django.apps import AppConfig
from django.conf import settings


class CommonConfig(AppConfig):
    name = "common"
    label = "mercato_common"
    verbose_name = "Mercato infrastructure"

    def ready(self) -> None:
        from django.contrib import admin

        import common.auth.schema  # noqa: F401  (registers the bearer JWT scheme with drf-spectacular)
        from common.auth.forms import AccountsAdminAuthenticationForm
        from common.tracing import configure_tracing

        # The admin's sign-in page says why a sign-in through accounts was refused.
        admin.site.login_form = AccountsAdminAuthenticationForm

        # Instrumentation must be in place before the WSGI handler builds its middleware
        # chain, which happens after app loading: ready() is the last safe moment.
        configure_tracing(service_name=settings.SERVICE_NAME)
