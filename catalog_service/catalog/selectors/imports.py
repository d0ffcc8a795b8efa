"""Reads of product import jobs and their rejected rows."""

from __future__ import annotations

from typing import Final
from uuid import UUID

from django.db.models import QuerySet

from catalog_service.catalog.exceptions import NotFound
from catalog_service.catalog.models import ProductImport, ProductImportError

# Rejected rows shown with a job; the rest are in the admin (up to MAX_STORED_ERRORS).
ERRORS_SHOWN: Final = 100


def product_import_list() -> QuerySet[ProductImport]:
    return ProductImport.objects.all()


def product_import_get(*, import_id: UUID) -> ProductImport:
    job = ProductImport.objects.filter(pk=import_id).first()
    if job is None:
        raise NotFound(f"No product import {import_id}.")
    return job


def product_import_errors(*, import_id: UUID, limit: int = ERRORS_SHOWN) -> list[ProductImportError]:
    """The first ``limit`` problems of the job's rejected rows, by line."""
    return list(ProductImportError.objects.filter(product_import_id=import_id).order_by("line", "id")[:limit])
