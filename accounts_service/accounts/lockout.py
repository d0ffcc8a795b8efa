"""django-axes hooks: who an attempt counts against, and what a locked-out client sees."""

import logging
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from rest_framework.authentication import get_authorization_header
from rest_framework.exceptions import APIException
from rest_framework.request import Request

from accounts_service.accounts.models import normalize_email
from common.auth.authentication import verify_token
from common.auth.relay import RELAY_HEADER, RELAY_META_KEY, RELAY_SCOPE, ip_address, request_address

logger = logging.getLogger(__name__)


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
    """The client address for django-axes: the same as the throttles', ``client_address``."""
    return client_address(request)


def client_address(request: HttpRequest | Request) -> str:
    """The address a sign-in attempt (lockout) or a throttled request counts against.

    The address the request came from (NUM_PROXIES), unless it is a relayed sign-in: a service
    client whose token carries the relay scope (catalog's or orders' admin sign-in) names the
    browser's address in the relay header, and the attempt counts against that, as if the
    browser had come here itself. From anyone else the header is ignored: a browser could
    otherwise name a new address on every attempt and never be locked out.
    """
    direct = request_address(request)
    relayed = request.META.get(RELAY_META_KEY)
    if relayed is None:
        return direct
    if not _may_relay(request):
        logger.warning("%s from %s ignored: the caller has no service token with %s", RELAY_HEADER, direct, RELAY_SCOPE)
        return direct
    address = ip_address(relayed)
    if address is None:
        logger.warning("%s from %s ignored: %r is not an IP address", RELAY_HEADER, direct, relayed[:64])
        return direct
    return address


def _may_relay(request: HttpRequest | Request) -> bool:
    # The sign-in endpoints run no authentication (a stale token must not get in the way of
    # signing in), so the caller's token is checked here, and only when it relays an address.
    parts = get_authorization_header(request).split()  # type: ignore[arg-type]
    if len(parts) != 2 or parts[0].lower() != b"bearer":
        return False
    try:
        caller = verify_token(parts[1].decode("ascii"))
    except (APIException, UnicodeDecodeError):
        return False
    return caller.is_service and RELAY_SCOPE in caller.scopes


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    # The token endpoint already answered 429 in the API's error shape; keep that answer.
    if original_response is not None and original_response.status_code == 429:
        return original_response
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    # Rendered here: the middleware calling this runs after template responses are rendered.
    return render(request, "accounts/lockout.html", {"title": "Sign-in locked", "minutes": minutes}, status=429)
