import datetime
from typing import Any, ClassVar

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import QuerySet
from django_stubs_ext import StrOrPromise
from drf_spectacular.utils import extend_schema_field

from accounts_service.accounts.models import User
from accounts_service.accounts.selectors.users import user_search
from common.query_params import EARLIEST_INSTANT, LATEST_INSTANT, RANGE_HELP
from common.schema import NO_NUL_PATTERN

SEARCH_MAX_LENGTH = 100
SEARCH_HELP = "The start of the email address, or whole words of the name."


class StrictBooleanField(forms.NullBooleanField):
    """``true`` or ``false`` (``1``/``0``), or absent. django-filter's own select widget reads
    anything else as "no filter", so a typo would list everyone."""

    widget = forms.TextInput
    default_error_messages: ClassVar[dict[str, StrOrPromise]] = {"invalid": "Enter true or false."}

    # The stubs give NullBooleanField BooleanField's signature; None is its point.
    def to_python(self, value: Any) -> bool | None:  # type: ignore[override]
        if value is None:
            return None
        if value in ("true", "True", "1"):
            return True
        if value in ("false", "False", "0"):
            return False
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")

    def validate(self, value: Any) -> None:
        pass  # to_python has decided


class StrictBooleanFilter(django_filters.BooleanFilter):  # type: ignore[misc]
    field_class = StrictBooleanField


class UtcDateTimeField(django_filters.fields.IsoDateTimeField):  # type: ignore[misc]
    """An ISO 8601 instant, given or absent (not empty), in UTC. PostgreSQL refuses an offset
    beyond 15:59 however valid ISO 8601 finds it, and an instant near year 1 can leave the
    datetime range once converted; both are the client's to hear about. Within the range every
    query parameter keeps to (common.query_params)."""

    default_validators: ClassVar[list[Any]] = [
        MinValueValidator(EARLIEST_INSTANT),
        MaxValueValidator(LATEST_INSTANT),
    ]

    def to_python(self, value: Any) -> datetime.datetime | None:
        if value == "":
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        instant: datetime.datetime | None = super().to_python(value)
        try:
            return instant.astimezone(datetime.UTC) if instant is not None else None
        except OverflowError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):  # type: ignore[misc]
    field_class = UtcDateTimeField


class UserFilter(django_filters.FilterSet):  # type: ignore[misc]  # django-filter ships no type information
    is_active = StrictBooleanFilter(label="Active users only (true) or inactive only (false).")
    is_staff = StrictBooleanFilter(label="Staff only (true) or customers only (false).")
    joined_after = UtcDateTimeFilter(
        field_name="date_joined", lookup_expr="gte", label=f"Joined at or after this time (ISO 8601). {RANGE_HELP}"
    )
    joined_before = UtcDateTimeFilter(
        field_name="date_joined", lookup_expr="lt", label=f"Joined before this time (ISO 8601). {RANGE_HELP}"
    )
    q = django_filters.CharFilter(method="search", max_length=SEARCH_MAX_LENGTH, label=SEARCH_HELP)

    class Meta:
        model = User
        fields = ("is_active", "is_staff")

    # drf-spectacular documents a CharFilter as a bare string, though its form field refuses a
    # NUL and a text longer than max_length with a 400; an override replaces all of it.
    @extend_schema_field(
        {"type": "string", "maxLength": SEARCH_MAX_LENGTH, "pattern": NO_NUL_PATTERN, "description": SEARCH_HELP}
    )
    def search(self, queryset: QuerySet[User], name: str, value: str) -> QuerySet[User]:
        return user_search(queryset, value) if value else queryset
