"""Signing in and out: token pairs, refresh rotation with reuse detection, revocation."""

import logging
import uuid
from datetime import datetime

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import HttpRequest
from django.utils import timezone

from accounts_service.accounts.exceptions import InvalidCredentials, InvalidRefreshToken, LockedOut
from accounts_service.accounts.metrics import LOCKOUTS, SIGN_INS, TOKENS_ISSUED
from accounts_service.accounts.models import RefreshToken, User
from accounts_service.accounts.selectors.users import user_group_names
from accounts_service.accounts.tokens import (
    IssuedTokenPair,
    encode_user_access_token,
    hash_refresh_token,
    new_refresh_token,
)

logger = logging.getLogger(__name__)


def token_pair_obtain(*, request: HttpRequest, email: str, password: str) -> IssuedTokenPair:
    """Sign a user in with email and password, through django-axes' lockout.

    ``request`` is the Django request: axes reads the client address from it and flags it
    when the email/address pair is locked out.
    """
    user = authenticate(request=request, email=email, password=password)
    if user is None:
        if getattr(request, "axes_locked_out", False):
            SIGN_INS.labels("locked_out").inc()
            # django-axes counts a failure (and sets this) only when the pair was not locked out
            # yet: this attempt is the one that started the lockout.
            if getattr(request, "axes_failures_since_start", None) is not None:
                LOCKOUTS.inc()
            raise LockedOut(retry_after_seconds=int(settings.AXES_COOLOFF_TIME.total_seconds()))
        SIGN_INS.labels("invalid_credentials").inc()
        raise InvalidCredentials
    assert isinstance(user, User)
    pair = _token_pair_issue(user=user, family=uuid.uuid4(), now=timezone.now())
    # Django's sign-in signal: it records last_login, and django-axes logs the success and
    # clears the failures counted against this email and address.
    user_logged_in.send(sender=User, request=request, user=user)
    SIGN_INS.labels("success").inc()
    TOKENS_ISSUED.labels("sign_in").inc()
    return pair


def refresh_token_rotate(*, token: str) -> IssuedTokenPair:
    """Spend a refresh token for a new pair; a token spent before means theft (docs/identity.md)."""
    now = timezone.now()
    pair: IssuedTokenPair | None = None
    with transaction.atomic():
        row = (
            RefreshToken.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(token_hash=hash_refresh_token(token))
            .first()
        )
        if row is None:
            raise InvalidRefreshToken
        reused = row.used_at is not None
        if reused:
            _refresh_token_family_revoke(family=row.family, now=now)
        elif row.revoked_at is None and row.expires_at > now and row.user.is_active:
            row.used_at = now
            row.save(update_fields=["used_at"])
            pair = _token_pair_issue(user=row.user, family=row.family, now=now)
    if pair is not None:
        # Counted once the rotation is committed.
        TOKENS_ISSUED.labels("refresh").inc()
        return pair
    # Outside the transaction, so that the family's revocation is committed, not rolled back.
    if reused:
        logger.warning("spent refresh token presented again; its family is revoked", extra={"user": str(row.user_id)})
    raise InvalidRefreshToken


def refresh_token_revoke(*, token: str) -> None:
    """Sign out: end the sign-in this token belongs to. Unknown tokens are ignored (idempotent)."""
    row = RefreshToken.objects.filter(token_hash=hash_refresh_token(token)).only("family").first()
    if row is not None:
        _refresh_token_family_revoke(family=row.family, now=timezone.now())


def refresh_token_revoke_all(*, user: User) -> int:
    return RefreshToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())


def refresh_token_purge(*, now: datetime | None = None) -> int:
    """Delete the tokens of every sign-in that has no usable token left.

    A spent token is kept while its family still has a usable one: presenting it again is
    how a theft is noticed, and the usable token is what the family revocation protects.
    """
    usable = RefreshToken.objects.filter(
        family=OuterRef("family"), used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now or timezone.now()
    )
    deleted, _ = RefreshToken.objects.filter(~Exists(usable)).delete()
    return deleted


def _refresh_token_family_revoke(*, family: uuid.UUID, now: datetime) -> None:
    RefreshToken.objects.filter(family=family, revoked_at__isnull=True).update(revoked_at=now)


def _token_pair_issue(*, user: User, family: uuid.UUID, now: datetime) -> IssuedTokenPair:
    access = encode_user_access_token(
        user_id=user.pk,
        email=user.email,
        is_staff=user.is_staff,
        groups=user_group_names(user=user),
        now=now,
    )
    refresh, refresh_hash = new_refresh_token()
    RefreshToken.objects.create(
        user=user,
        token_hash=refresh_hash,
        family=family,
        created_at=now,
        expires_at=now + settings.JWT_REFRESH_TOKEN_LIFETIME,
    )
    return IssuedTokenPair(access_token=access.token, refresh_token=refresh, expires_in=access.expires_in)
