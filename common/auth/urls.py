"""The auth routes every service serves; include from its ``api/urls.py`` (under /api/v1/)."""

from django.urls import URLPattern, path

from common.auth.views import WhoAmIView

urlpatterns: list[URLPattern] = [
    path("auth/whoami/", WhoAmIView.as_view(), name="whoami"),
]
