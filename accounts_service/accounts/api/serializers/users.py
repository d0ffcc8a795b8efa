from typing import Any

from rest_framework import serializers

from accounts_service.accounts.api.serializers.common import check_password_rules, password_field
from accounts_service.accounts.models import User
from common.serializers import StrictSerializer


class UserSerializer(serializers.ModelSerializer[User]):
    groups: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="name", help_text="Names of the user's staff groups (roles)."
    )

    class Meta:
        model = User
        fields = (
            "id",
            "email",
            "full_name",
            "is_active",
            "is_staff",
            "is_superuser",
            "groups",
            "date_joined",
            "last_login",
        )
        read_only_fields = fields


class ProfileUpdateSerializer(StrictSerializer, serializers.ModelSerializer[User]):
    """What a user may change about themselves; any other key in the body is ignored."""

    class Meta:
        model = User
        fields = ("full_name",)


class PasswordChangeSerializer(StrictSerializer):
    current_password = password_field()
    new_password = password_field()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        check_password_rules(field="new_password", password=attrs["new_password"], user=self.context["user"])
        return attrs
