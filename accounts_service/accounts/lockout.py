"""django-axes hooks: who an attempt counts against, and what a locked-out client sees."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from rest_framework.throttling import BaseThrottle

from accounts_service.accounts.models import normalize_email


def lockout_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """The normalised email an attempt counts against.

    The API passes ``email``; the admin's form field and the credentials Django hands to the
    login-failed signal say ``username``. Normalising here means that "Bob@Example.com " and
    "bob@example.com" share one failure counter, as they share one account.
    """
    source: Any = credentials if credentials else getattr(request, "data", request.POST)
    value = source.get("email") or source.get("username")
    return normalize_email(value) if isinstance(value, str) else None


def lockout_client_ip(request: HttpRequest) -> str | None:
    """The client address exactly as the throttles see it, honouring NUM_PROXIES."""
    # get_ident reads only request.META, which the Django request has as well.
    ident: str | None = BaseThrottle().get_ident(request)  # type: ignore[arg-type]
    return ident


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    # The token endpoint already answered 429 in the API's error shape; keep that answer.
    if original_response is not None and original_response.status_code == 429:
        return original_response
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    # Rendered here: the middleware calling this runs after template responses are rendered.
    return render(request, "accounts/lockout.html", {"title": "Sign-in locked", "minutes": minutes}, status=429)
