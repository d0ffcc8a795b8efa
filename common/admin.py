"""Admin pieces for tables of millions of rows: a changelist that never counts a big table, yet
pages to its last row, and says "about" when its count is an estimate (docs/admin.md).

Nothing is registered here; services use ``BigTableAdminMixin`` (or ``EstimatedCountPaginator``)
in their own ModelAdmins, and include ``common/admin/pagination.html`` from their app's
``admin/<app>/pagination.html`` (the admin looks there before its own template).
"""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any, ClassVar, Final

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connection, connections, transaction
from django.db.models import Model, QuerySet

# Up to this many rows a changelist's count is exact (and costs at most this many row reads).
EXACT_COUNT_LIMIT: Final = 10_000
# Past this offset a page's rows are found by their primary keys first (a "deferred join"):
# the OFFSET then walks an index (often index-only) instead of fetching every skipped row.
DEFERRED_JOIN_OFFSET: Final = 1_000


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


def describe_estimate(count: int) -> str:
    """An estimate as staff should read it: rounded to two significant figures, in words past a
    million ("about 1.2 million", "about 48,000")."""
    if count < 100:
        return f"about {count}"
    rounded = round(count, 2 - len(str(count)))
    for size, word in ((1_000_000_000, "billion"), (1_000_000, "million")):
        if rounded >= size:
            value = rounded / size
            number = f"{value:.1f}".removesuffix(".0") if value < 10 else f"{value:.0f}"
            return f"about {number} {word}"
    return f"about {intcomma(rounded)}"


class EstimatedCountPaginator(Paginator[Any]):
    """A paginator that never counts a big table, and still reaches every row.

    The count: unfiltered, the table's estimate (pg_class.reltuples); filtered (or when the table
    is small or not yet analyzed), an exact count bounded by a LIMIT: at most EXACT_COUNT_LIMIT + 1
    rows are read, and past that the planner's estimate stands in. ``is_estimate`` says which.

    Pages: when the count is exact, as Django's. When it is an estimate, page numbers are not
    checked against it: page N is whatever rows OFFSET (N-1)*per_page finds (an empty page past
    the end is EmptyPage), and a negative page counts from the end: page -1 is the last
    ``per_page`` rows, read in the reverse order (the changelist's ordering is total, Django adds
    the primary key), so the last row is one query away whatever the table's size.

    Use with ``show_full_result_count = False``, which drops the changelist's second,
    unfiltered COUNT(*).
    """

    is_estimate: bool = False

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if not isinstance(queryset, QuerySet):
            return super().count
        if not queryset.query.where:
            estimate = table_estimate(queryset.model)
            if estimate is not None and estimate > EXACT_COUNT_LIMIT:
                self.is_estimate = True
                return estimate
        bounded = queryset.order_by()[: EXACT_COUNT_LIMIT + 1].count()
        if bounded <= EXACT_COUNT_LIMIT:
            return bounded
        self.is_estimate = True
        # The planner can guess more rows than the table has (a full-text match on stale
        # statistics): the table's own estimate bounds it.
        estimate = query_estimate(queryset)
        table = table_estimate(queryset.model)
        return max(min(estimate, table) if table is not None else estimate, bounded)

    def validate_number(self, number: Any) -> int:
        if not self.is_estimate and not (isinstance(number, int) and number < 0):
            return int(super().validate_number(number))
        try:
            value = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if value == 0:
            raise EmptyPage(self.error_messages["min_page"])
        if value < 0 and not self.is_estimate:
            # From the end, on an exact count: the plain page it names.
            return max(1, self.num_pages + value + 1)
        return value

    def page(self, number: Any) -> Page[Any]:
        self.count  # noqa: B018  (decides is_estimate)
        number = self.validate_number(number)
        if not self.is_estimate:
            queryset = self.object_list
            if isinstance(queryset, QuerySet) and queryset.query.where and self.count:
                return self._few_matches_page(queryset, number)
            return super().page(number)
        queryset = self.object_list
        assert isinstance(queryset, QuerySet)  # an estimate is only ever of a queryset
        if number > 0:
            rows = self._slice(queryset, (number - 1) * self.per_page)
        else:
            rows = self._slice(queryset.reverse(), (-number - 1) * self.per_page)
            rows.reverse()
        if not rows and number != 1:
            raise EmptyPage(self.error_messages["no_results"])
        return Page(rows, number, self)

    def _few_matches_page(self, queryset: QuerySet[Any], number: int) -> Page[Any]:
        """A page of a search or filter with few matches (the count found at most
        EXACT_COUNT_LIMIT): read them through the filter's own index and sort them, never by
        walking the list's ordering index and filtering. The planner picks that walk when it
        overestimates the matches (a word prefix is estimated at 0.5% of the rows whatever it
        is) and then reads the whole table for the 220 orders of "shopper4242" (8.9 s at a
        million orders, docs/admin.md). Plain index scans are switched off for this one query
        (bitmap scans, which a filter's index gives, stay on) and back on after it."""
        using = queryset.db
        with transaction.atomic(using=using), connections[using].cursor() as cursor:
            cursor.execute("SELECT current_setting('enable_indexscan'), set_config('enable_indexscan', 'off', true)")
            row = cursor.fetchone()
            previous = row[0] if row else "on"
            try:
                page = super().page(number)
                page.object_list = list(page.object_list)
            finally:
                cursor.execute("SELECT set_config('enable_indexscan', %s, true)", [previous])
        return page

    def _slice(self, queryset: QuerySet[Any], offset: int) -> list[Any]:
        if offset < DEFERRED_JOIN_OFFSET:
            return list(queryset[offset : offset + self.per_page])
        keys = queryset.values("pk")[offset : offset + self.per_page]
        return list(queryset.filter(pk__in=keys))

    def page_links(self, number: int, *, on_each_side: int = 3) -> list[tuple[str, int | None]]:
        """The pagination bar of an estimated count, as (label, page number) pairs; the number is
        None for the current page and for the ellipsis. Pages from the end are labelled "-k"."""
        per_page, count = self.per_page, self.count
        links: list[tuple[str, int | None]] = []
        if number > 0:
            if number > 1:
                links += [("First page", 1), ("Previous", number - 1)]
            for n in range(max(1, number - on_each_side), number + on_each_side + 1):
                if n <= number or (n - 1) * per_page < count:
                    links.append((intcomma(n), None if n == number else n))
            if number * per_page < count:
                links.append(("Next", number + 1))
            links += [("…", None), ("Last page", -1)]
        else:
            links += [("First page", 1), ("…", None)]
            if -number * per_page < count:
                links.append(("Previous", number - 1))
            for n in range(number - on_each_side, min(number + on_each_side, -1) + 1):
                if (-n - 1) * per_page < count:
                    links.append((f"-{intcomma(-n)}", None if n == number else n))
            if number < -1:
                links += [("Next", number + 1), ("Last page", -1)]
        return links


class BigTableAdminMixin:
    """For a ModelAdmin of a big table: estimated counts, every row reachable, no "show all" of
    millions. The app's ``admin/<app>/pagination.html``, ``search_form.html`` and
    ``actions.html`` include common's, which say "about" for an estimate."""

    paginator: ClassVar[type] = EstimatedCountPaginator
    show_full_result_count = False
    list_max_show_all = 200
