from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm  # type: ignore[import-untyped]  # no stubs installed (types-tqdm)

from catalog_service.catalog.exceptions import CatalogError
from catalog_service.catalog.models import ImportFormat, ImportStatus
from catalog_service.catalog.services.imports import product_import_run_file
from catalog_service.catalog.services.search_index import search_index_request


class Command(BaseCommand):
    help = (
        "Import products from a CSV or NDJSON file now, in this process, with a progress bar. "
        "The same import as POST /api/v1/product-imports/ (docs/catalog-bulk.md), recorded as a job."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--format", dest="file_format", choices=[f.value for f in ImportFormat], help="Default: from the extension."
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (e.g. in logs).")

    def handle(self, *args: Any, path: Path, file_format: str | None, no_progress: bool, **options: Any) -> None:
        if not path.is_file():
            raise CommandError(f"{path} is not a file")
        bar = tqdm(unit="rows", unit_scale=True, disable=no_progress, file=self.stderr)

        def progress(done: int, total: int | None) -> None:
            if total is not None and bar.total != total:
                bar.total = total
            bar.update(done - bar.n)

        try:
            result = product_import_run_file(
                path=path,
                file_format=ImportFormat(file_format) if file_format else None,
                actor="system:import_products",
                progress=progress,
            )
        except CatalogError as exc:
            raise CommandError(exc.message) from exc
        finally:
            bar.close()
        # The worker makes the imported products findable by full-text search, as after an upload.
        search_index_request()
        self.stdout.write(
            f"import {result.import_id} {result.status}: {result.rows_processed} rows, {result.created} created, "
            f"{result.updated} updated, {result.unchanged} unchanged, {result.rejected} rejected "
            f"(seconds: read and validate {result.timings.read_validate:.2f}, write {result.timings.write:.2f}, "
            f"commit {result.timings.commit:.2f})"
        )
        if result.status != ImportStatus.SUCCEEDED:
            raise CommandError(result.error or "the import failed")
        if result.rejected:
            self.stdout.write("rejected rows are listed with the job in the admin (Product imports)")
