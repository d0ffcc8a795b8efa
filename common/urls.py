"""URLs every service serves besides its own API: operations endpoints, schema and docs, admin."""

from csp.decorators import csp
from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from common import health
from common.metrics import metrics_view

swagger_ui_view = csp(settings.CSP_SWAGGER_UI_DIRECTIVES)(
    SpectacularSwaggerSplitView.as_view(url_name="schema", template_name="common/swagger_ui.html")
)
redoc_view = csp(settings.CSP_REDOC_DIRECTIVES)(
    SpectacularRedocView.as_view(url_name="schema", template_name="common/redoc.html")
)


def service_urlpatterns(api_urls: str) -> list[URLPattern | URLResolver]:
    """All URL patterns of a service whose API routes live in the module ``api_urls``."""
    return [
        path("healthz", health.healthz, name="healthz"),
        path("readyz", health.readyz, name="readyz"),
        path("metrics", metrics_view, name="prometheus-django-metrics"),
        path("api/v1/", include(api_urls)),
        path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
        # Each docs page with its own Content-Security-Policy (common/settings.py). Swagger UI's
        # split view serves its start-up script from this URL (?script) instead of inline;
        # ReDoc's template leaves out the web fonts drf-spectacular's loads from Google.
        path("api/docs/", swagger_ui_view, name="swagger-ui"),
        path("api/redoc/", redoc_view, name="redoc"),
        path("admin/", admin.site.urls),
    ]


handler400 = "common.errors.bad_request"
handler403 = "common.errors.permission_denied"
handler404 = "common.errors.not_found"
handler500 = "common.errors.server_error"
