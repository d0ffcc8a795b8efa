from typing import Any

from rest_framework import serializers

from accounts_service.accounts.api.serializers.common import check_password_rules, password_field
from accounts_service.accounts.models import User
from accounts_service.accounts.selectors.users import user_for_password_reset
from common.fields import StrictCharField, StrictEmailField
from common.serializers import StrictSerializer

SCOPE_MAX_LENGTH = 1000


class RegistrationSerializer(StrictSerializer):
    email = StrictEmailField(max_length=254)
    password = password_field()
    full_name = StrictCharField(max_length=150, required=False, allow_blank=True, default="")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # An unsaved user, so that the similarity validator compares against email and name.
        candidate = User(email=attrs["email"], full_name=attrs["full_name"])
        check_password_rules(field="password", password=attrs["password"], user=candidate)
        return attrs


class CredentialsSerializer(StrictSerializer):
    email = StrictEmailField(max_length=254)
    password = password_field()


class TokenPairSerializer(serializers.Serializer[Any]):
    access_token = StrictCharField(help_text="RS256 JWT for `Authorization: Bearer`.")
    refresh_token = StrictCharField(help_text="Opaque; spent by its first use.")
    token_type = StrictCharField(help_text="Always `Bearer`.")
    expires_in = serializers.IntegerField(help_text="Seconds until the access token expires.")


class TokenRefreshSerializer(StrictSerializer):
    refresh_token = StrictCharField(max_length=128, trim_whitespace=False)


class ClientCredentialsSerializer(StrictSerializer):
    grant_type = serializers.ChoiceField(choices=["client_credentials"], required=False)
    client_id = StrictCharField(max_length=100)
    client_secret = StrictCharField(max_length=256, trim_whitespace=False, write_only=True)
    scope = StrictCharField(
        max_length=SCOPE_MAX_LENGTH,
        required=False,
        allow_blank=True,
        help_text="Space-separated scopes, a subset of the client's; all of them when omitted.",
    )


class ServiceTokenSerializer(serializers.Serializer[Any]):
    access_token = StrictCharField()
    token_type = StrictCharField(help_text="Always `Bearer`.")
    expires_in = serializers.IntegerField()
    scope = StrictCharField(help_text="The granted scopes, space-separated.")


class PasswordResetSerializer(StrictSerializer):
    email = StrictEmailField(max_length=254)


class PasswordResetConfirmSerializer(StrictSerializer):
    uid = StrictCharField(max_length=64)
    token = StrictCharField(max_length=128)
    new_password = password_field()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        user = user_for_password_reset(uid=attrs["uid"], token=attrs["token"])
        if user is None:
            raise serializers.ValidationError(
                {"token": serializers.ErrorDetail("The reset link is invalid or has expired.", code="invalid")}
            )
        check_password_rules(field="new_password", password=attrs["new_password"], user=user)
        attrs["user"] = user
        return attrs
