"""Writes to users: registration, profile, password, activation, password reset mail."""

from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction

from accounts_service.accounts import emails
from accounts_service.accounts.exceptions import CannotDeactivateSelf, WrongPassword
from accounts_service.accounts.models import User, normalize_email
from accounts_service.accounts.selectors.users import user_get_by_email
from accounts_service.accounts.services.tokens import refresh_token_revoke_all


def user_register(*, email: str, password: str, full_name: str) -> None:
    """Create the account, or tell the address's owner someone tried: the caller cannot tell which.

    Both branches hash the password and send one mail, so neither the answer nor its timing
    shows whether the address was taken.
    """
    email = normalize_email(email)
    existing = user_get_by_email(email=email)
    if existing is None:
        user = User(email=email, full_name=full_name)
        user.set_password(password)
        try:
            with transaction.atomic():
                user.save(force_insert=True)
        except IntegrityError:
            # A concurrent registration of the same address won.
            existing = user_get_by_email(email=email)
        else:
            emails.send_welcome(user=user)
            return
    else:
        make_password(password)
    if existing is not None:
        emails.send_registration_notice(user=existing)


def user_update(*, user: User, full_name: str) -> User:
    user.full_name = full_name
    user.save(update_fields=["full_name"])
    return user


def user_change_password(*, user: User, current_password: str, new_password: str) -> None:
    if not user.check_password(current_password):
        raise WrongPassword
    user_set_password(user=user, password=new_password)


def user_set_password(*, user: User, password: str) -> None:
    """A new password ends every session: whoever knew the old one may hold a refresh token."""
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        refresh_token_revoke_all(user=user)


def user_deactivate(*, user: User, actor_id: str | None = None) -> User:
    """No new tokens and no refresh; access tokens already out expire within their lifetime."""
    if actor_id is not None and str(user.pk) == actor_id:
        raise CannotDeactivateSelf
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        refresh_token_revoke_all(user=user)
    return user


def user_reactivate(*, user: User) -> User:
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


def password_reset_request(*, email: str) -> None:
    """Mail a one-time reset link if an active account has this address; otherwise nothing."""
    user = user_get_by_email(email=email)
    if user is not None and user.is_active:
        emails.send_password_reset(user=user)
