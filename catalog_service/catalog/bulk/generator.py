"""Realistic demo and benchmark data: a category tree and any number of products, fast.

Products go through the import's batch loader (COPY into a staging table, one upsert per
batch), so a million of them load in minutes, and generating a range twice changes nothing.
The data is deterministic: the same ``seed`` and SKU numbers give the same products.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from django.db import connection, transaction

from catalog_service.catalog.bulk import loader
from catalog_service.catalog.bulk.rows import ValidRow, product_slug
from catalog_service.catalog.bulk.vocabulary import (
    ADJECTIVES,
    BRANDS,
    COLORS,
    CURRENCIES,
    DEPARTMENTS,
    MATERIALS,
    NOUNS,
    PHRASES,
    SHELVES,
    SIZES,
)
from catalog_service.catalog.models import Category, Product
from catalog_service.catalog.services.categories import category_create

SKU_PREFIX: Final = "GEN"
BATCH_ROWS: Final = 10_000
ACTOR: Final = "system:generate_products"


@dataclass(frozen=True)
class GenerationResult:
    requested: int
    created: int
    skipped: int  # existed already
    categories: int


def categories_ensure() -> list[int]:
    """Create the generator's category tree where it is missing; the ids of its leaves."""
    existing = dict(Category.objects.values_list("slug", "pk"))
    leaves: list[int] = []
    for department, aisles in DEPARTMENTS.items():
        department_id = _ensure(existing, department, product_slug(department, "department"), None)
        for aisle in aisles:
            aisle_slug = product_slug(f"{department} {aisle}", "aisle")
            aisle_id = _ensure(existing, aisle, aisle_slug, department_id)
            for shelf in SHELVES:
                leaves.append(_ensure(existing, f"{aisle} {shelf}", f"{aisle_slug}-{shelf.lower()}", aisle_id))
    return leaves


def _ensure(existing: dict[str, int], name: str, slug: str, parent_id: int | None) -> int:
    if slug not in existing:
        existing[slug] = category_create(name=name, slug=slug, parent_id=parent_id).pk
    return existing[slug]


def _rows(start: int, count: int, *, seed: int, leaves: list[int]) -> Iterator[ValidRow]:
    for number in range(start, start + count):
        # One generator per product: product n is the same whatever range it is generated in.
        rnd = random.Random(seed * 1_000_003 + number)  # noqa: S311  (demo data, not security)
        brand = rnd.choice(BRANDS)
        color = rnd.choice(COLORS)
        material = rnd.choice(MATERIALS)
        noun = rnd.choice(NOUNS)
        name = f"{brand} {rnd.choice(ADJECTIVES)} {material} {noun} {number}"
        sku = f"{SKU_PREFIX}-{number:08d}"
        description = " ".join(
            phrase.format(material=material.lower(), brand=brand, color=color) for phrase in rnd.sample(PHRASES, k=3)
        )
        attributes = {"brand": brand, "color": color, "material": material.lower()}
        if rnd.random() < 0.5:
            attributes["size"] = rnd.choice(SIZES)
        price = Decimal(int(rnd.lognormvariate(3.5, 1.0) * 100)).scaleb(-2).min(Decimal("99999.99"))
        yield ValidRow(
            line=number,
            sku=sku,
            name=name,
            slug=product_slug(name, sku),
            description=description,
            category_id=rnd.choice(leaves),
            price=price,
            currency=rnd.choice(CURRENCIES),
            attributes=json.dumps(attributes, separators=(",", ":")),
            is_active=rnd.random() < 0.95,
            on_hand=0 if rnd.random() < 0.1 else rnd.randint(1, 500),
        )


def products_generate(
    *, count: int, start: int = 0, seed: int = 42, progress: Callable[[int], None] | None = None
) -> GenerationResult:
    """Generate products ``GEN-<start>`` to ``GEN-<start + count - 1>``; existing SKUs are skipped."""
    leaves = categories_ensure()
    created = skipped = 0
    tables = loader.ImportTables.named(f"generate_{start}_{count}")
    try:
        for batch_start in range(start, start + count, BATCH_ROWS):
            size = min(BATCH_ROWS, start + count - batch_start)
            rows = list(_rows(batch_start, size, seed=seed, leaves=leaves))
            # Products that exist are left as they are, even if edited since they were generated.
            existing = set(Product.objects.filter(sku__in=[row.sku for row in rows]).values_list("sku", flat=True))
            if existing:
                rows = [row for row in rows if row.sku not in existing]
            with transaction.atomic(), connection.cursor() as cursor:
                outcome = loader.load_batch(cursor, rows, tables=tables, actor=ACTOR, reference="generate_products")
            created += outcome.created
            skipped += len(existing)
            if progress is not None:
                progress(size)
    finally:
        with connection.cursor() as cursor:
            tables.drop(cursor)
    return GenerationResult(requested=count, created=created, skipped=skipped, categories=len(leaves))
