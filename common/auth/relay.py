"""Whose sign-in attempt is it: the client address, and how a service relays it to accounts.

accounts counts failed sign-ins (django-axes) and throttles sign-ins per email and client address.
When catalog or orders check an admin's password, the call to accounts comes from the service,
so without more every attempt through that service would count against the service's own
address: an outsider could lock a staff member out of that admin while never being locked
out themselves. So the service sends the browser's address along in ``RELAY_HEADER``, and
accounts believes it only from a caller whose service token carries ``RELAY_SCOPE``
(docs/identity.md, "Sign-in lockout and the client address").

The address of a request is DRF's rule (``BaseThrottle.get_ident``), the one accounts' throttles
already use: ``REMOTE_ADDR``, or with ``NUM_PROXIES`` = n the entry of ``X-Forwarded-For`` that
the n-th proxy from us appended, which a client cannot forge.
"""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING, Final

from django.http import HttpRequest

if TYPE_CHECKING:
    from rest_framework.request import Request

# The browser's address, sent by catalog and orders with their sign-in calls to accounts.
RELAY_HEADER: Final = "Mercato-Client-IP"
RELAY_META_KEY: Final = "HTTP_MERCATO_CLIENT_IP"
# The scope a service client needs for accounts to believe RELAY_HEADER.
RELAY_SCOPE: Final = "accounts.sign-in:relay"


def request_address(request: HttpRequest | Request) -> str:
    """The address ``request`` came from, by ``NUM_PROXIES`` (raw: it may be empty)."""
    # Imported here: rest_framework.throttling reads DRF's settings as it is imported, and this
    # module's constants are read without Django settings (the accounts client, which the JWKS
    # resolver imports, is imported so by tests/e2e).
    from rest_framework.throttling import BaseThrottle

    # get_ident reads only request.META, which the Django request has as well.
    ident: str = BaseThrottle().get_ident(request)  # type: ignore[arg-type]
    return ident


def ip_address(value: str | None) -> str | None:
    """``value`` as a canonical IP address, or None when it is not one."""
    if not value:
        return None
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None
