from django.urls import URLPattern, URLResolver, path

from accounts_service.accounts.api.views.jwks import JWKSView
from common.urls import handler400, handler403, handler404, handler500, service_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]

urlpatterns: list[URLPattern | URLResolver] = [
    # The well-known location (RFC 8615) verifiers look for, outside the versioned API.
    path(".well-known/jwks.json", JWKSView.as_view(), name="jwks"),
    *service_urlpatterns("accounts_service.accounts.api.urls"),
]
