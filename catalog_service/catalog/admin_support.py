"""Admin pieces for tables of millions of rows: counts that never scan, filters that use indexes."""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any, Final

from django import forms
from django.contrib import admin
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from catalog_service.catalog.services.stock import ADJUSTMENT_REASONS, AdjustmentMode

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


class BigTableAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """A ModelAdmin for big tables: estimated counts, no "show all" of millions."""

    paginator = EstimatedCountPaginator
    show_full_result_count = False
    list_max_show_all = 200


class DistinctValuesFilter(admin.SimpleListFilter):
    """A list filter over a column's distinct values, read from the index that leads with it.

    Django's default filter for a field runs SELECT DISTINCT over the whole table; this one
    skips from one value to the next through the index (a "loose index scan"), reading one
    index entry per distinct value.
    """

    column: str

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]) -> list[tuple[str, str]]:
        table = model_admin.model._meta.db_table
        column = self.column
        with connection.cursor() as cursor:
            cursor.execute(
                f"""WITH RECURSIVE v AS (
                        (SELECT {column} AS value FROM {table} ORDER BY {column} LIMIT 1)
                        UNION ALL
                        SELECT (SELECT {column} FROM {table} WHERE {column} > v.value ORDER BY {column} LIMIT 1)
                        FROM v WHERE v.value IS NOT NULL
                    )
                    SELECT value FROM v WHERE value IS NOT NULL LIMIT 500"""  # noqa: S608  (our table and column)
            )
            return [(value, value) for (value,) in cursor.fetchall()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        return queryset.filter(**{self.column: value}) if value else queryset


class CurrencyFilter(DistinctValuesFilter):
    title = "currency"
    parameter_name = "currency"
    column = "currency"


class StockAdjustmentForm(forms.Form):
    mode = forms.ChoiceField(
        choices=[
            (AdjustmentMode.ADD.value, "Add (or remove, with a negative quantity)"),
            (AdjustmentMode.SET.value, "Set to"),
        ],
        initial=AdjustmentMode.ADD.value,
    )
    quantity = forms.IntegerField(min_value=-1_000_000_000, max_value=1_000_000_000)
    reason = forms.ChoiceField(choices=[(reason.value, reason.label) for reason in ADJUSTMENT_REASONS])
    note = forms.CharField(max_length=500, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("mode") == AdjustmentMode.SET.value and (cleaned.get("quantity") or 0) < 0:
            self.add_error("quantity", "A stock level cannot be set below zero.")
        return cleaned
