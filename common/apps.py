from django.apps import AppConfig
from django.conf import settings


class CommonConfig(AppConfig):
    name = "common"
    label = "mercato_common"
    verbose_name = "Mercato infrastructure"

    def ready(self) -> None:
        # Registers the bearer JWT security scheme with drf-spectacular.
        import common.auth.schema  # noqa: F401
        from common.json_types import refuse_coerced_types
        from common.tracing import configure_tracing

        refuse_coerced_types()

        # The admin's sign-in page says why a sign-in through accounts was refused.
        from django.contrib import admin

        from common.auth.forms import AccountsAdminAuthenticationForm

        admin.site.login_form = AccountsAdminAuthenticationForm

        # Instrumentation must be in place before the WSGI handler builds its middleware
        # chain, which happens after app loading: ready() is the last safe moment.
        configure_tracing(service_name=settings.SERVICE_NAME)
