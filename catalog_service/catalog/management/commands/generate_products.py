from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm  # type: ignore[import-untyped]  # no stubs installed (types-tqdm)

from catalog_service.catalog.bulk.generator import SKU_PREFIX, products_generate
from catalog_service.catalog.services.search_index import search_index_request


class Command(BaseCommand):
    help = (
        f"Generate N realistic products ({SKU_PREFIX}-<number>) and their category tree, for demos and "
        "benchmarks. Loads through COPY in batches (a million in minutes); existing SKUs are skipped, so it "
        "can be run again, or with --start to add more."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("count", type=int)
        parser.add_argument("--start", type=int, default=0, help="The first product number (default 0).")
        parser.add_argument("--seed", type=int, default=42, help="Same seed, same products (default 42).")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, count: int, start: int, seed: int, no_progress: bool, **options: Any) -> None:
        if count < 0 or start < 0 or start + count > 10**8:
            raise CommandError("count and --start must be >= 0, and numbers stay below 100,000,000")
        began = time.monotonic()
        with tqdm(total=count, unit="products", unit_scale=True, disable=no_progress, file=self.stderr) as bar:
            result = products_generate(count=count, start=start, seed=seed, progress=bar.update)
        elapsed = time.monotonic() - began
        if result.created:
            # The worker makes them findable by full-text search (docs/catalog.md, "Search freshness").
            search_index_request()
        self.stdout.write(
            f"{result.created} products created, {result.skipped} existed, "
            f"{result.categories} leaf categories, in {elapsed:.1f}s"
        )
