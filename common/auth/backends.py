"""Admin sign-in with accounts credentials (docs/identity.md, "Admin sign-in on every service").

List it after Django's ModelBackend::

    AUTHENTICATION_BACKENDS = [
        "django.contrib.auth.backends.ModelBackend",  # local break-glass superuser first
        "common.auth.backends.AccountsBackend",
    ]

Permissions come from ModelBackend through the mirrored local groups; this backend only signs
people in, so it answers no permission question itself.

Every attempt is relayed with the browser's address (``common.auth.relay``), so accounts counts
it, for lockout and throttling, against that address rather than this service's: a sign-in
here is counted exactly like one at accounts. Without a request (so without an address) or
without this service's client credentials, no one signs in through accounts.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.http import HttpRequest

from common.auth.relay import ip_address, request_address
from common.clients.accounts import AccountsUser, CredentialsRefused, RelayRefused, profile_for_credentials
from common.clients.base import AnswerOutsideContract, DownstreamUnavailable

if TYPE_CHECKING:
    # django-stubs' alias of the AUTH_USER_MODEL: auth.User in catalog and orders.
    from django.contrib.auth.models import _User

logger = logging.getLogger(__name__)

# Why the last sign-in through accounts was refused, kept on the request for the admin's login
# page (common.auth.forms): accounts' own reason, or this service's.
REFUSAL_ATTRIBUTE = "accounts_sign_in_refusal"
NOT_STAFF = "This account is not a staff account: the admin is for staff only."
DEACTIVATED_HERE = "This account is deactivated on this service; ask an administrator of this service."
DEACTIVATED_AT_ACCOUNTS = "This account is deactivated on accounts."
NOT_MIRRORED = (
    "This account cannot sign in here through accounts (a local account has its name, or its e-mail is too "
    "long for this service); ask an administrator of this service."
)
ACCOUNTS_DOWN = "accounts cannot be reached just now, so only a local account can sign in. Try again shortly."


def refuse(request: HttpRequest | None, reason: str) -> None:
    if request is not None:
        setattr(request, REFUSAL_ATTRIBUTE, reason)


def refusal(request: HttpRequest | None) -> str | None:
    """Why the sign-in of this request was refused, when accounts or this service said."""
    return getattr(request, REFUSAL_ATTRIBUTE, None)


def _accounts_refusal(refused: CredentialsRefused) -> str:
    detail = refused.detail or "It refused this e-mail and password."
    if refused.status == 429:
        wait = f" (in about {max(1, -(-refused.retry_after // 60))} minute(s))" if refused.retry_after else ""
        return f"accounts: {detail}{wait} Sign-in stays locked for this e-mail from your address until then."
    if refused.status == 401:
        # accounts answers a wrong password and a deactivated account alike, on purpose (it
        # would otherwise tell anyone which addresses have accounts): so does this page.
        return f"accounts: {detail} A deactivated account gets the same answer."
    return f"accounts: {detail}"


class AccountsBackend(BaseBackend):
    """Checks the email and password against accounts and mirrors the person into a local user."""

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> _User | None:
        if not username or not password:
            return None
        profile = _profile_from_accounts(request, username, password)
        if profile is None:
            return None
        if not (profile.is_staff and profile.is_active):
            _demote(profile.email)
            logger.info("admin sign-in refused: %s is not active staff on accounts", profile.email)
            refuse(request, NOT_STAFF if profile.is_active else DEACTIVATED_AT_ACCOUNTS)
            return None
        user = mirror_user(profile)
        if user is None:
            local = _local_users().filter(username=profile.email).first()
            refuse(request, DEACTIVATED_HERE if local is not None and not local.is_active else NOT_MIRRORED)
        return user

    def get_user(self, user_id: Any) -> _User | None:
        user_model = get_user_model()
        try:
            user = user_model._default_manager.get(pk=user_id)
        except (user_model.DoesNotExist, ValueError, TypeError):
            return None
        return user if user.is_active else None


def _profile_from_accounts(request: HttpRequest | None, username: str, password: str) -> AccountsUser | None:
    client_address = ip_address(request_address(request)) if request is not None else None
    if client_address is None:
        # Unrelayed, the attempt would count against this service's address at accounts.
        logger.warning("admin sign-in of %s refused: no client address to relay (NUM_PROXIES?)", username)
        return None
    try:
        return profile_for_credentials(username, password, client_address=client_address)
    except CredentialsRefused as refused:
        refuse(request, _accounts_refusal(refused))
    except (ImproperlyConfigured, RelayRefused) as exc:
        logger.error("admin sign-in through accounts is not possible: %s", exc)
    except AnswerOutsideContract as exc:
        # Logged as the error it is by the client; no one signs in on an answer not understood.
        logger.error("accounts answered outside its contract at sign-in: %s", exc)
    except DownstreamUnavailable:
        # ModelBackend has had its turn: a local superuser can still sign in.
        logger.warning("accounts unreachable: admin sign-in of %s refused", username)
        refuse(request, ACCOUNTS_DOWN)
    return None


def _local_users() -> Any:
    # catalog and orders use django.contrib.auth's User (username, groups, flags).
    return get_user_model()._default_manager


@transaction.atomic
def mirror_user(profile: AccountsUser) -> _User | None:
    """The local user for ``profile`` with its flags and groups, or None when it may not sign in.

    Groups are those of ``profile`` that exist here (each service creates its own in a data
    migration); the others mean nothing to this service and are ignored.
    """
    users = _local_users()
    if len(profile.email) > users.model._meta.get_field("username").max_length:
        logger.warning("admin sign-in refused: %s is too long for a local username", profile.email)
        return None
    user: _User
    user, created = users.select_for_update().get_or_create(username=profile.email)
    if not created and user.has_usable_password():
        # A local account (the break-glass superuser) of the same name: it is not ours to
        # overwrite, and its password is the way in when accounts is down.
        logger.warning("admin sign-in of %s refused: a local account has that name", profile.email)
        return None
    if not user.is_active:
        # Deactivated here by a local admin: this service's decision stands.
        logger.info("admin sign-in refused: %s is deactivated locally", profile.email)
        return None
    user.email = profile.email
    user.is_staff = profile.is_staff
    user.is_superuser = profile.is_superuser
    user.set_unusable_password()
    user.save()
    user.groups.set(Group.objects.filter(name__in=profile.groups))
    return user


def _demote(email: str) -> None:
    # Someone accounts no longer calls active staff keeps no admin access here, including
    # through sessions opened before (the admin checks is_staff on every request).
    _local_users().filter(username=email, password__startswith=UNUSABLE_PASSWORD_PREFIX).update(
        is_staff=False, is_superuser=False
    )
