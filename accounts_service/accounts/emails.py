"""The mails accounts sends, through Django's email backend (EMAIL_URL; the console in development)."""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts_service.accounts.models import User

logger = logging.getLogger(__name__)


def _send(*, to: str, subject: str, body: str) -> None:
    # A mail outage must not turn into a 500 that tells a caller more than the usual answer
    # (e.g. that an address is registered); the failure is logged for operators instead.
    try:
        send_mail(subject, body, None, [to])
    except (smtplib.SMTPException, OSError):
        logger.exception("sending mail failed", extra={"subject": subject})


def send_welcome(*, user: User) -> None:
    _send(
        to=user.email,
        subject="Welcome to Mercato",
        body=f"Hello {user.full_name or user.email},\n\nyour Mercato account is ready. Sign in with this address.\n",
    )


def send_registration_notice(*, user: User) -> None:
    _send(
        to=user.email,
        subject="Someone tried to register with your address",
        body=(
            "Someone tried to create a Mercato account with this email address, which already has one.\n\n"
            "If it was you, sign in instead, or reset your password if you forgot it. Otherwise you can "
            "ignore this message: nothing has changed.\n"
        ),
    )


def send_password_reset(*, user: User) -> None:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = settings.PASSWORD_RESET_URL.format(uid=uid, token=token)
    minutes = settings.PASSWORD_RESET_TIMEOUT // 60
    _send(
        to=user.email,
        subject="Reset your Mercato password",
        body=(
            f"Open this link within {minutes} minutes to choose a new password:\n\n{link}\n\n"
            f"(uid: {uid}, token: {token}; the link works once.)\n\n"
            "If you did not ask for this, ignore this message: your password has not changed.\n"
        ),
    )
