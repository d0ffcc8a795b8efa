import uuid
from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import models
from django.utils import timezone


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "User":
        user = self.model(email=normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, username: str | None) -> "User":
        return self.get(email=normalize_email(username or ""))


NAME_SEARCH_VECTOR = SearchVector("full_name", config="simple")


def normalize_email(email: str) -> str:
    """Emails are the login, compared case-insensitively: store them lower-cased and trimmed."""
    return email.strip().lower()


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an email address. Groups are the staff roles."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=150, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="Can sign in to the admin sites.")
    date_joined = models.DateTimeField(default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        ordering = ("email",)
        indexes = (
            # The staff list's keyset: newest first, the id breaking ties between equal timestamps.
            models.Index(fields=["-date_joined", "-id"], name="accounts_user_joined_idx"),
            # Words of the name (`q` in the API and the admin), with the expression
            # selectors.users.user_search filters on; email prefixes use the unique index's _like twin.
            GinIndex(NAME_SEARCH_VECTOR, name="accounts_user_name_search"),
        )

    def __str__(self) -> str:
        return self.email

    def clean(self) -> None:
        super().clean()
        self.email = normalize_email(self.email)


class Address(models.Model):
    """A shipping address of a user; at most one per user is the default."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="addresses")
    label = models.CharField(max_length=50, blank=True, help_text="The user's name for it, e.g. Home.")
    recipient = models.CharField(max_length=150)
    line1 = models.CharField("address line 1", max_length=200)
    line2 = models.CharField("address line 2", max_length=200, blank=True)
    city = models.CharField(max_length=100)
    region = models.CharField(max_length=100, blank=True, help_text="State, province or county.")
    postal_code = models.CharField(max_length=20)
    country = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2 code, e.g. DE.")
    phone = models.CharField(max_length=32, blank=True)
    is_default = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name_plural = "addresses"
        indexes = (models.Index(fields=["user", "-created_at", "-id"], name="accounts_address_user_idx"),)
        constraints = (
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(is_default=True), name="accounts_address_one_default"
            ),
            models.CheckConstraint(
                condition=models.Q(country__regex=r"^[A-Z]{2}$"), name="accounts_address_country_iso2"
            ),
        )

    def __str__(self) -> str:
        return f"{self.recipient}, {self.line1}, {self.city} ({self.country})"


class RefreshToken(models.Model):
    """One refresh token, stored only as the SHA-256 of the random string handed out.

    Every token descending from one sign-in shares a ``family``: presenting a token that was
    already rotated means it leaked, and the whole family is revoked.
    """

    id = models.BigAutoField(primary_key=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="refresh_tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    family = models.UUIDField(default=uuid.uuid4)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True, help_text="When it was exchanged for a new pair.")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = (
            models.Index(fields=["family"], name="accounts_refresh_family_idx"),
            # Revoking a user's live tokens (deactivation, password change) touches only these.
            models.Index(
                fields=["user"], condition=models.Q(revoked_at__isnull=True), name="accounts_refresh_live_idx"
            ),
            models.Index(fields=["expires_at"], name="accounts_refresh_expiry_idx"),
        )

    def __str__(self) -> str:
        return f"refresh token {self.pk} of {self.user_id}"


class ServiceClient(models.Model):
    """Another service that obtains tokens with client credentials (docs/identity.md, Scopes)."""

    name = models.SlugField(max_length=100, unique=True, help_text="The client_id; tokens say service:<name>.")
    secret_hash = models.CharField(max_length=128)
    scopes = ArrayField(models.CharField(max_length=100), default=list, blank=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name
