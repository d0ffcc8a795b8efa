from typing import Any, ClassVar

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db.models import QuerySet
from django.http import HttpRequest

from accounts_service.accounts.exceptions import CannotDeactivateSelf
from accounts_service.accounts.models import Address, RefreshToken, ServiceClient, User, normalize_email
from accounts_service.accounts.selectors.users import user_search
from accounts_service.accounts.services.service_clients import (
    ServiceClientSecret,
    service_client_create,
    service_client_rotate_secret,
)
from accounts_service.accounts.services.users import user_deactivate, user_reactivate


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserChangeFormForEmail(UserChangeForm[User]):
    class Meta:
        model = User
        fields = "__all__"


class UserEmailPrefixSearch:
    """Searches the owner's email by prefix: stored lower-cased, served by its pattern index."""

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        term = normalize_email(search_term)
        return (queryset.filter(user__email__startswith=term) if term else queryset), False


class AddressInline(admin.TabularInline[Address, User]):
    model = Address
    extra = 0
    fields = ("label", "recipient", "line1", "city", "postal_code", "country", "is_default")
    show_change_link = True


@admin.register(User)
# django-stubs bind UserAdmin to AbstractUser; this user builds on AbstractBaseUser (email login).
class UserAdmin(DjangoUserAdmin):  # type: ignore[type-arg]
    form = UserChangeFormForEmail
    add_form = UserCreationForm
    ordering = ("-date_joined", "-id")
    list_display = ("email", "full_name", "is_active", "is_staff", "date_joined")
    list_filter = ("is_active", "is_staff", "is_superuser", "groups")
    # Searched through user_search (see get_search_results), which indexes serve.
    search_fields = ("email", "full_name")
    # No COUNT(*) of the whole table under every filtered list.
    show_full_result_count = False
    readonly_fields = ("id", "date_joined", "last_login")
    filter_horizontal = ("groups", "user_permissions")
    inlines = (AddressInline,)
    actions = ("deactivate_users", "reactivate_users")
    fieldsets = (
        (None, {"fields": ("id", "email", "password")}),
        ("Profile", {"fields": ("full_name",)}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        ("Dates", {"fields": ("date_joined", "last_login")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[User], search_term: str
    ) -> tuple[QuerySet[User], bool]:
        # The admin's own search would run icontains on UPPER(column), which no index serves.
        term = search_term.strip()
        return (user_search(queryset, term) if term else queryset), False

    def save_model(self, request: HttpRequest, obj: User, form: forms.ModelForm[User], change: bool) -> None:
        super().save_model(request, obj, form, change)
        # Unticking "active" in the form must end the user's sessions as the action does.
        if change and "is_active" in form.changed_data and not obj.is_active:
            user_deactivate(user=obj)

    @admin.action(description="Deactivate the selected users (signs them out)", permissions=["change"])
    def deactivate_users(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        count = 0
        for user in queryset.filter(is_active=True):
            try:
                user_deactivate(user=user, actor_id=str(request.user.pk))
            except CannotDeactivateSelf:
                self.message_user(request, "You cannot deactivate yourself; skipped.", messages.WARNING)
                continue
            count += 1
        self.message_user(request, f"Deactivated {count} user(s); their refresh tokens are revoked.")

    @admin.action(description="Reactivate the selected users", permissions=["change"])
    def reactivate_users(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        count = 0
        for user in queryset.filter(is_active=False):
            user_reactivate(user=user)
            count += 1
        self.message_user(request, f"Reactivated {count} user(s).")


@admin.register(Address)
class AddressAdmin(UserEmailPrefixSearch, admin.ModelAdmin[Address]):
    list_display = ("recipient", "user", "city", "country", "is_default", "created_at")
    list_select_related = ("user",)
    list_filter = ("country", "is_default")
    search_fields = ("user__email",)
    autocomplete_fields = ("user",)
    readonly_fields = ("created_at", "updated_at")
    show_full_result_count = False


class ServiceClientForm(forms.ModelForm[ServiceClient]):
    class Meta:
        model = ServiceClient
        fields = ("name", "scopes", "is_active")
        help_texts: ClassVar[dict[str, str]] = {
            "scopes": "Comma-separated, e.g. accounts.users:read,catalog.reservations:write."
        }


@admin.register(ServiceClient)
class ServiceClientAdmin(admin.ModelAdmin[ServiceClient]):
    form = ServiceClientForm
    list_display = ("name", "scopes", "is_active", "created_at", "updated_at")
    list_filter = ("is_active",)
    search_fields = ("=name",)
    readonly_fields = ("created_at", "updated_at")
    actions = ("rotate_secret",)

    def save_model(
        self, request: HttpRequest, obj: ServiceClient, form: forms.ModelForm[ServiceClient], change: bool
    ) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        created = service_client_create(name=obj.name, scopes=list(obj.scopes), is_active=obj.is_active)
        # The admin goes on with the object its form built (change message, redirect).
        obj.pk = created.client.pk
        obj.secret_hash = created.client.secret_hash
        _show_secret(request, created)

    @admin.action(description="Rotate the secret of the selected clients", permissions=["change"])
    def rotate_secret(self, request: HttpRequest, queryset: QuerySet[ServiceClient]) -> None:
        for client in queryset:
            _show_secret(request, service_client_rotate_secret(client=client))


def _show_secret(request: HttpRequest, created: ServiceClientSecret) -> None:
    # Only the hash is stored: this message is the one time the secret can be seen.
    messages.warning(
        request,
        f"Secret of {created.client.name} (shown once, copy it now): {created.secret}",
    )


@admin.register(RefreshToken)
class RefreshTokenAdmin(UserEmailPrefixSearch, admin.ModelAdmin[RefreshToken]):
    """Read-only: who is signed in, and which sign-ins were revoked."""

    list_display = ("user", "family", "created_at", "expires_at", "used_at", "revoked_at")
    list_select_related = ("user",)
    raw_id_fields = ("user",)
    search_fields = ("user__email",)
    show_full_result_count = False
    fields = ("user", "family", "created_at", "expires_at", "used_at", "revoked_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
