"""Template helpers for common/admin.py's changelists: the pagination bar and counts of an
estimated count."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.admin.views.main import PAGE_VAR

from common.admin import describe_estimate

register = template.Library()


@register.simple_tag
def estimated_page_links(cl: Any) -> list[tuple[str, str | None]]:
    """(label, query string) pairs for the changelist's pagination bar; None: not a link."""
    return [
        (label, None if number is None else cl.get_query_string({PAGE_VAR: number}))
        for label, number in cl.paginator.page_links(cl.page_num)
    ]


@register.filter
def about(count: int) -> str:
    """An estimated count in words: "about 1.2 million"."""
    return describe_estimate(count)


@register.simple_tag
def shown_rows(cl: Any) -> str:
    """Which rows the page shows: "rows 101-200" from the start, "the last 100 rows" from the end."""
    shown = len(cl.result_list)
    if cl.page_num < 0:
        position = "the last" if cl.page_num == -1 else f"page {-cl.page_num} from the end:"
        return f"{position} {shown} rows"
    first = (cl.page_num - 1) * cl.list_per_page + 1
    return f"rows {first:,}-{first + shown - 1:,}" if shown else "no rows"
