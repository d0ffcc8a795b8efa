"""Admin pieces for tables of millions of rows: a changelist count that never scans the table.

Nothing is registered here; services use ``EstimatedCountPaginator`` in their own ModelAdmins.
"""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any, Final

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Model, QuerySet

# Up to this many rows a changelist's count is exact (and costs at most this many row reads).
EXACT_COUNT_LIMIT: Final = 10_000


def table_estimate(model: type[Model]) -> int | None:
    """The planner's row count of ``model``'s table (pg_class.reltuples); None before the first
    ANALYZE (or autovacuum), when PostgreSQL does not know it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table])
        row = cursor.fetchone()
    return int(row[0]) if row and row[0] >= 0 else None


def query_estimate(queryset: QuerySet[Any]) -> int:
    """The planner's row estimate for ``queryset``: EXPLAIN plans the query without running it."""
    plan = json.loads(queryset.order_by().explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


class EstimatedCountPaginator(Paginator[Any]):
    """A paginator that never counts a big table.

    Unfiltered, the count is the table's estimate (pg_class.reltuples). Filtered (or when the
    table is small or not yet analyzed), it is an exact count bounded by a LIMIT: at most
    EXACT_COUNT_LIMIT + 1 rows are read, and past that the planner's estimate stands in.
    Use with ``show_full_result_count = False``, which drops the changelist's second,
    unfiltered COUNT(*).
    """

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
