import re

from rest_framework import serializers

from accounts_service.accounts.models import Address
from common.fields import StrictRegexField
from common.serializers import StrictSerializer

COUNTRY_CODE = re.compile(r"^[A-Za-z]{2}$")


class AddressSerializer(serializers.ModelSerializer[Address]):
    class Meta:
        model = Address
        fields = (
            "id",
            "label",
            "recipient",
            "line1",
            "line2",
            "city",
            "region",
            "postal_code",
            "country",
            "phone",
            "is_default",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields


class AddressWriteSerializer(StrictSerializer, serializers.ModelSerializer[Address]):
    """The fields a user writes; the default is chosen with set-default, the owner is the caller."""

    # A regex field, so that the schema documents the pattern the codes must match.
    country = StrictRegexField(
        COUNTRY_CODE,
        error_messages={"invalid": "Enter an ISO 3166-1 alpha-2 country code, e.g. DE."},
        help_text="ISO 3166-1 alpha-2 code, e.g. DE.",
    )

    class Meta:
        model = Address
        fields = ("label", "recipient", "line1", "line2", "city", "region", "postal_code", "country", "phone")

    def validate_country(self, value: str) -> str:
        return value.upper()
