"""Admin pieces for big tables: a changelist count that never scans the table.

The same approach as catalog's (catalog_service/catalog/admin_support.py); services do not
import each other, so each keeps its own until it moves into common/.
"""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any, Final

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Model, QuerySet

EXACT_COUNT_LIMIT: Final = 10_000


def table_estimate(model: type[Model]) -> int | None:
    """The planner's row count of the table (pg_class.reltuples); None before the first ANALYZE."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table])
        row = cursor.fetchone()
    return int(row[0]) if row and row[0] >= 0 else None


def query_estimate(queryset: QuerySet[Any]) -> int:
    plan = json.loads(queryset.order_by().explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


class EstimatedCountPaginator(Paginator[Any]):
    """Unfiltered: the table's estimate once it is big. Filtered: an exact count bounded by a
    LIMIT, past which the planner's estimate stands in. Pair with show_full_result_count=False."""

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if not isinstance(queryset, QuerySet):
            return super().count
        if not queryset.query.where:
            estimate = table_estimate(queryset.model)
            if estimate is not None and estimate > EXACT_COUNT_LIMIT:
                return estimate
        bounded = queryset.order_by()[: EXACT_COUNT_LIMIT + 1].count()
        if bounded <= EXACT_COUNT_LIMIT:
            return bounded
        return max(query_estimate(queryset), bounded)
