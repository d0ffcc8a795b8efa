from typing import Any

from django.db.models import QuerySet
from rest_framework import pagination
from rest_framework.filters import OrderingFilter
from rest_framework.request import Request


class CursorPagination(pagination.CursorPagination):
    """Keyset pagination for every list: stable under inserts and never a COUNT(*).

    A view names its keyset with ``ordering`` (an indexed, unique or unique-suffixed key), or
    lets an ``OrderingFilter`` choose; otherwise newest first by ``created_at``.
    """

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = "-created_at"

    def get_ordering(self, request: Request, queryset: QuerySet[Any], view: Any) -> tuple[str, ...]:
        uses_ordering_filter = any(issubclass(backend, OrderingFilter) for backend in view.filter_backends)
        view_ordering = getattr(view, "ordering", None)
        if view_ordering and not uses_ordering_filter:
            return (view_ordering,) if isinstance(view_ordering, str) else tuple(view_ordering)
        return super().get_ordering(request, queryset, view)
