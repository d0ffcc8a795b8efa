import datetime
from collections.abc import Mapping
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


def user_data(row: Mapping[str, Any]) -> dict[str, Any]:
    """What ``UserSerializer`` answers, from ``selectors.users.user_row``: the user read endpoint's
    answer, built without the serializer's fields (it is read on every order placement).
    ``UserSerializer`` stays the schema's description; tests/accounts/test_staff_users.py pins
    that both give the same output, key order included."""
    return {
        "id": str(row["id"]),
        "email": row["email"],
        "full_name": row["full_name"],
        "is_active": row["is_active"],
        "is_staff": row["is_staff"],
        "is_superuser": row["is_superuser"],
        "groups": row["group_names"],
        "date_joined": _timestamp(row["date_joined"]),
        "last_login": _timestamp(row["last_login"]),
    }


def _timestamp(value: datetime.datetime | None) -> str | None:
    # DateTimeField's output in the UTC every service runs in: ISO 8601, "Z" for the offset.
    if value is None:
        return None
    text = value.astimezone(datetime.UTC).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


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
