import django_filters
from django.db.models import QuerySet

from accounts_service.accounts import selectors
from accounts_service.accounts.models import User


class UserFilter(django_filters.FilterSet):  # type: ignore[misc]  # django-filter ships no type information
    is_active = django_filters.BooleanFilter(label="Active users only (true) or inactive only (false).")
    is_staff = django_filters.BooleanFilter(label="Staff only (true) or customers only (false).")
    joined_after = django_filters.IsoDateTimeFilter(
        field_name="date_joined", lookup_expr="gte", label="Joined at or after this time (ISO 8601)."
    )
    joined_before = django_filters.IsoDateTimeFilter(
        field_name="date_joined", lookup_expr="lt", label="Joined before this time (ISO 8601)."
    )
    q = django_filters.CharFilter(
        method="search", max_length=100, label="The start of the email address, or whole words of the name."
    )

    class Meta:
        model = User
        fields = ("is_active", "is_staff")

    def search(self, queryset: QuerySet[User], name: str, value: str) -> QuerySet[User]:
        return selectors.user_search(queryset, value) if value else queryset
