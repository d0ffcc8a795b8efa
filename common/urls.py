"""URLs every service serves besides its own API: operations endpoints, schema and docs, admin."""

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from common import health
from common.metrics import metrics_view


def service_urlpatterns(api_urls: str) -> list[URLPattern | URLResolver]:
    """All URL patterns of a service whose API routes live in the module ``api_urls``."""
    return [
        path("healthz", health.healthz, name="healthz"),
        path("readyz", health.readyz, name="readyz"),
        path("metrics", metrics_view, name="prometheus-django-metrics"),
        path("api/v1/", include(api_urls)),
        path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
        path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
        path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
        path("admin/", admin.site.urls),
    ]


handler400 = "common.errors.bad_request"
handler403 = "common.errors.permission_denied"
handler404 = "common.errors.not_found"
handler500 = "common.errors.server_error"
