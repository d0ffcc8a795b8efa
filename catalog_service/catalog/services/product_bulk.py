"""Writes to many products at once (the admin's bulk actions)."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from catalog_service.catalog.models import Product


def products_set_active(*, products: QuerySet[Product], is_active: bool) -> int:
    """Activate or deactivate ``products``; the number that changed.

    One UPDATE; rows already in that state are left alone, so their updated_at (and ETag)
    does not move.
    """
    return products.filter(~Q(is_active=is_active)).update(is_active=is_active, updated_at=timezone.now())
