"""How fresh full-text search is: what the API's ``Search-Indexed-Through`` header, the admin's
product list and /metrics report (docs/catalog.md, "Search freshness")."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Min
from django.utils import timezone

from catalog_service.catalog.models import SEARCH_WAITING, Product


@dataclass(frozen=True)
class SearchFreshness:
    # Every product written before this time is found by its current text: the oldest waiting
    # product's write, or the time of the reading when none waits.
    indexed_through: datetime.datetime
    waiting: int  # products written since their vector was set (or never indexed)
    waiting_more: bool  # more than ``waiting`` wait (the count stopped there)
    oldest_waiting_since: datetime.datetime | None
    read_at: datetime.datetime

    @property
    def oldest_waiting_age_seconds(self) -> float:
        if self.oldest_waiting_since is None:
            return 0.0
        return max((self.read_at - self.oldest_waiting_since).total_seconds(), 0.0)


def search_indexed_through() -> datetime.datetime:
    """The time up to which search is current: for every search answer, so one probe of
    product_search_waiting_idx (which holds only the waiting products)."""
    now = timezone.now()
    oldest = Product.objects.filter(SEARCH_WAITING).order_by("updated_at").values_list("updated_at", flat=True).first()
    return oldest or now


def search_freshness(*, count_up_to: int | None = None) -> SearchFreshness:
    """How many products wait for the search indexer and since when (the admin, /metrics).

    The count reads every waiting product's entry of product_search_waiting_idx: nothing when
    search is current, and about 0.4 s per million waiting right after a large import (measured:
    27-39 ms for 100,000, bench/run_catalog.py). With ``count_up_to`` it stops there (a page
    that only has to say "more than" need not pay for a million), and ``waiting_more`` says so."""
    now = timezone.now()
    waiting_products = Product.objects.filter(SEARCH_WAITING)
    oldest: datetime.datetime | None
    if count_up_to is None:
        totals = waiting_products.aggregate(waiting=Count("pk"), oldest=Min("updated_at"))
        waiting, oldest, more = totals["waiting"], totals["oldest"], False
    else:
        # One range of product_search_waiting_idx, oldest first: its first entry and its length.
        writes = list(waiting_products.order_by("updated_at").values_list("updated_at", flat=True)[: count_up_to + 1])
        oldest = writes[0] if writes else None
        waiting, more = min(len(writes), count_up_to), len(writes) > count_up_to
    return SearchFreshness(
        indexed_through=oldest or now, waiting=waiting, waiting_more=more, oldest_waiting_since=oldest, read_at=now
    )
