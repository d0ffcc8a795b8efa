from django.urls import URLPattern, URLResolver, include, path

from accounts_service.accounts.api.views import addresses, auth, me, users

app_name = "accounts"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("common.auth.urls")),
    path("auth/register/", auth.RegisterView.as_view(), name="register"),
    path("auth/token/", auth.TokenObtainView.as_view(), name="token"),
    path("auth/token/refresh/", auth.TokenRefreshView.as_view(), name="token-refresh"),
    path("auth/logout/", auth.LogoutView.as_view(), name="logout"),
    path("auth/service-token/", auth.ServiceTokenView.as_view(), name="service-token"),
    path("auth/password-reset/", auth.PasswordResetRequestView.as_view(), name="password-reset"),
    path("auth/password-reset/confirm/", auth.PasswordResetConfirmView.as_view(), name="password-reset-confirm"),
    path("users/", users.UserListView.as_view(), name="user-list"),
    path("users/me/", me.MeView.as_view(), name="me"),
    path("users/me/password/", me.PasswordChangeView.as_view(), name="me-password"),
    path("users/me/addresses/", addresses.AddressListView.as_view(), name="address-list"),
    path("users/me/addresses/<uuid:address_id>/", addresses.AddressDetailView.as_view(), name="address-detail"),
    path(
        "users/me/addresses/<uuid:address_id>/set-default/",
        addresses.AddressSetDefaultView.as_view(),
        name="address-set-default",
    ),
    path("users/<uuid:user_id>/", users.UserDetailView.as_view(), name="user-detail"),
    path("users/<uuid:user_id>/deactivate/", users.UserDeactivateView.as_view(), name="user-deactivate"),
    path("users/<uuid:user_id>/reactivate/", users.UserReactivateView.as_view(), name="user-reactivate"),
]
