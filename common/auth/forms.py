"""The admin's sign-in form: says why accounts (or this service) refused a sign-in."""

from __future__ import annotations

from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError

from common.auth.backends import refusal


class AccountsAdminAuthenticationForm(AdminAuthenticationForm):
    """Django's admin sign-in form, whose error is the reason AccountsBackend recorded (a lockout
    at accounts with its wait, not staff, deactivated here) rather than always "Please enter the
    correct email and password"."""

    def get_invalid_login_error(self) -> ValidationError:
        reason = refusal(self.request)
        if reason is None:
            return super().get_invalid_login_error()
        return ValidationError(reason, code="invalid_login")
