"""Writes to many products at once (the admin's bulk actions)."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from catalog_service.catalog.models import Product
from catalog_service.catalog.services.search_index import search_index_request


def products_set_active(*, products: QuerySet[Product], is_active: bool) -> int:
    """Activate or deactivate ``products``; the number that changed.

    One UPDATE; rows already in that state are left alone, so their updated_at (and ETag)
    does not move.
    """
    changed = products.filter(~Q(is_active=is_active)).update(is_active=is_active, updated_at=timezone.now())
    if changed:
        # Their new updated_at makes them wait for the indexer (their text is unchanged, so
        # search keeps finding them meanwhile: selectors.products.search_matches).
        search_index_request()
    return changed
