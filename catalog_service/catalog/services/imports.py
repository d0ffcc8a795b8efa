"""Bulk product import jobs: accept a file, run it in batches, record progress and rejected rows.

The API stores the upload in PostgreSQL and queues a job (``product_import_create``); the
procrastinate worker runs it (``product_import_run``); ``import_products`` runs a local file
the same way without the queue (``product_import_run_file``). An import is idempotent: rows
are upserted by SKU and only real changes are written, so running the same file twice
changes nothing the second time. A job that is run again (a worker died half-way) starts over
from the first row, which is safe for the same reason.
"""

from __future__ import annotations

import csv
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Final
from uuid import UUID

from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from procrastinate.contrib.django import app as procrastinate_app

from catalog_service.catalog.bulk import chunks, loader
from catalog_service.catalog.bulk.categories import category_refs
from catalog_service.catalog.bulk.columnar import ColumnarBatch, read_csv_batches
from catalog_service.catalog.bulk.digests import batch_digests
from catalog_service.catalog.bulk.readers import (
    FileRejected,
    Record,
    Rejection,
    csv_header,
    loads_strict_json,
    read_ndjson,
)
from catalog_service.catalog.bulk.rows import COLUMNS, REQUIRED, ValidRow, make_validator
from catalog_service.catalog.exceptions import InvalidInput, NotFound
from catalog_service.catalog.metrics import IMPORT_ROWS, IMPORTS_FINISHED
from catalog_service.catalog.models import ImportFormat, ImportStatus, ProductImport, ProductImportError
from catalog_service.catalog.services.search_index import search_index_request

logger = logging.getLogger(__name__)

# The name the worker knows the task by (tasks.py); deferred by name, so services need not
# import the tasks module (which imports this one).
PRODUCT_IMPORT_TASK: Final = "catalog.product_import_run"
IMPORT_QUEUE: Final = "imports"
# procrastinate's lock: one import runs at a time, in the order they were queued, however many
# jobs a worker runs at once (WORKER_CONCURRENCY) and however many workers there are. Imports
# write the same tables batch after batch; two at once would each take about twice as long.
IMPORT_LOCK: Final = "catalog.product_import"
# Rows per COPY + upsert transaction, and per progress update. 20,000 rather than 5,000: a
# re-import of 100,000 unchanged rows measured 1.03-1.61 s against 1.27-1.54 s (fewer round
# trips and commits per row); a transaction of new products lasts a few seconds at most.
BATCH_ROWS: Final = 20_000
# Rejected rows are all counted, but only the first ones are kept with their reasons: a file
# of a million bad rows must not become a million error rows.
MAX_STORED_ERRORS: Final = 1_000
# Enough of the upload to check the header (CSV) or the first record (NDJSON).
SNIFF_BYTES: Final = 64 * 1024
_EXTENSIONS: Final = {".csv": ImportFormat.CSV, ".ndjson": ImportFormat.NDJSON, ".jsonl": ImportFormat.NDJSON}
_CONTENT_TYPES: Final = {
    "text/csv": ImportFormat.CSV,
    "application/csv": ImportFormat.CSV,
    "application/x-ndjson": ImportFormat.NDJSON,
    "application/ndjson": ImportFormat.NDJSON,
    "application/jsonl": ImportFormat.NDJSON,
    "application/x-jsonlines": ImportFormat.NDJSON,
}

ProgressCallback = Callable[[int, int | None], None]
"""Called after every batch with the rows processed so far and the estimated total."""


@dataclass
class ImportTimings:
    """Seconds spent, over the whole run, reading and validating rows (Python), in each batch's
    SQL (COPY to staging, the checks, the upsert, stock rows and movements, rejected rows and
    progress), and committing (where PostgreSQL checks the deferred foreign keys of the new
    stock rows and movements)."""

    read_validate: float = 0.0
    write: float = 0.0
    commit: float = 0.0


@dataclass(frozen=True)
class ImportResult:
    import_id: UUID
    status: ImportStatus
    rows_processed: int
    created: int
    updated: int
    unchanged: int
    rejected: int
    error: str = ""
    # Where this run's time went (zero for a job this call did not run); not part of what
    # the result says about the job, so two results of one job compare equal.
    timings: ImportTimings = field(default_factory=ImportTimings, compare=False)


@dataclass
class _Totals:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    errors_stored: int = 0
    timings: ImportTimings = field(default_factory=ImportTimings)


_Batch = ColumnarBatch  # the records read, the rows validated by column (a table) and the others

# --- accepting a file -------------------------------------------------------------------------


def product_import_format(*, file_name: str, content_type: str, requested: ImportFormat | None) -> ImportFormat:
    """The format of an upload: as requested, else from the file's extension or content type."""
    if requested is not None:
        return requested
    suffix = Path(file_name).suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    content_type = content_type.split(";", 1)[0].strip().lower()
    if content_type in _CONTENT_TYPES:
        return _CONTENT_TYPES[content_type]
    raise InvalidInput(
        "Cannot tell the file's format: name it .csv or .ndjson, or give file_format.",
        field="file_format",
        code="unknown_format",
    )


def product_import_create(
    *, pieces: Iterable[bytes], head: bytes, file_name: str, file_format: ImportFormat, actor: str
) -> ProductImport:
    """Store an uploaded file and queue its import, in one transaction.

    ``head`` is the file's first bytes (up to SNIFF_BYTES), checked before anything is stored
    so that a file that cannot be imported at all is refused at once (InvalidInput).
    """
    _sniff(head, file_format)
    with transaction.atomic():
        job = ProductImport.objects.create(
            file_format=file_format, file_name=file_name[:255], created_by=actor, status=ImportStatus.QUEUED
        )
        stored = chunks.chunks_store(import_id=job.pk, pieces=pieces)
        job.file_size = stored.size
        job.total_rows = max(stored.lines - (1 if file_format == ImportFormat.CSV else 0), 0)
        job.save(update_fields=["file_size", "total_rows", "updated_at"])
        # The queue lives in this database: the job row, its file and its queue entry commit
        # together, so a worker never picks up a job whose file is not there yet.
        procrastinate_app.configure_task(name=PRODUCT_IMPORT_TASK, queue=IMPORT_QUEUE, lock=IMPORT_LOCK).defer(
            import_id=str(job.pk)
        )
    return job


def product_import_upload(*, upload: UploadedFile, requested: ImportFormat | None, actor: str) -> ProductImport:
    """Queue the import of an uploaded file (the API's upload and the admin's): its format from
    the request or the file, its head checked, the file stored in chunks (product_import_create)."""
    file_format = product_import_format(
        file_name=upload.name or "", content_type=upload.content_type or "", requested=requested
    )
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    return product_import_create(
        pieces=upload.chunks(chunk_size=chunks.CHUNK_BYTES),
        head=head,
        file_name=upload.name or "",
        file_format=file_format,
        actor=actor,
    )


def _sniff(head: bytes, file_format: ImportFormat) -> None:
    if not head.strip():
        raise InvalidInput("The file is empty.", field="file", code="empty")
    # A NUL further down is one bad row among good ones; in the first line it is a binary file.
    first_line = head.split(b"\n", 1)[0] if b"\n" in head else head
    if file_format == ImportFormat.CSV:
        try:
            csv_header(
                next(iter(_csv_rows(first_line))),
                columns=COLUMNS,
                required=REQUIRED,
            )
        except (FileRejected, StopIteration, ValueError, csv.Error) as exc:
            raise InvalidInput(f"The CSV header is not usable: {exc}", field="file", code="invalid") from exc
        return
    first_record = next((line for line in head.split(b"\n") if line.strip()), b"")
    try:
        value = loads_strict_json(first_record.decode("utf-8").lstrip("\ufeff"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        # A first line longer than SNIFF_BYTES is cut short here; its row is judged later.
        if len(head) < SNIFF_BYTES:
            raise InvalidInput(
                "The file is not NDJSON: its first line is not a JSON object.", field="file", code="invalid"
            ) from None
        return
    if not isinstance(value, dict):
        raise InvalidInput("The file is not NDJSON: its first line is not a JSON object.", field="file", code="invalid")


def _csv_rows(line: bytes) -> Iterator[list[str]]:
    text = line.decode("utf-8", "surrogateescape").lstrip("\ufeff")
    return csv.reader([text])


# --- running an import ------------------------------------------------------------------------


def product_import_run(*, import_id: UUID, progress: ProgressCallback | None = None) -> ImportResult:
    """Run a queued import from its stored file (the worker's task)."""
    with transaction.atomic():
        job = ProductImport.objects.select_for_update().filter(pk=import_id).first()
        if job is None:
            raise NotFound(f"No product import {import_id}.")
        if job.status in (ImportStatus.SUCCEEDED, ImportStatus.FAILED):
            return _result(job)  # delivered twice: the first run has done it
        _start(job)
    try:
        with chunks.chunks_open(import_id=job.pk) as stream:
            return _execute(job, stream, progress)
    finally:
        chunks.chunks_delete(import_id=job.pk)


def product_import_run_file(
    *, path: Path, file_format: ImportFormat | None, actor: str, progress: ProgressCallback | None = None
) -> ImportResult:
    """Import a local file now, in this process, recorded as a job like any other."""
    fmt = product_import_format(file_name=path.name, content_type="", requested=file_format)
    with path.open("rb") as stream:
        _sniff(stream.read(SNIFF_BYTES), fmt)
        stream.seek(0)
        lines = _count_lines(stream)
        stream.seek(0)
        job = ProductImport.objects.create(
            file_format=fmt,
            file_name=path.name[:255],
            file_size=path.stat().st_size,
            total_rows=max(lines - (1 if fmt == ImportFormat.CSV else 0), 0),
            created_by=actor,
            status=ImportStatus.QUEUED,
        )
        _start(job)
        return _execute(job, stream, progress)


def _count_lines(stream: IO[bytes]) -> int:
    count = 0
    last = b""
    while piece := stream.read(chunks.CHUNK_BYTES):
        count += piece.count(b"\n")
        last = piece[-1:]
    return count + (1 if last and last != b"\n" else 0)


def _start(job: ProductImport) -> None:
    # A job found running was interrupted (the worker died): it starts over, from zero.
    ProductImportError.objects.filter(product_import=job).delete()
    job.status = ImportStatus.RUNNING
    job.started_at = timezone.now()
    job.finished_at = None
    job.rows_processed = job.created_count = job.updated_count = job.unchanged_count = job.rejected_count = 0
    job.error = ""
    job.save()


def _execute(job: ProductImport, stream: IO[bytes], progress: ProgressCallback | None) -> ImportResult:
    totals = _Totals()
    tables = loader.ImportTables.named(job.pk.hex)
    try:
        categories = category_refs()
        validate = make_validator(categories)
        batches: Iterator[_Batch]
        if job.file_format == ImportFormat.CSV:
            # By column (bulk.columnar), falling back on the row-by-row reader and validator
            # for what the column checks do not pass as it is.
            batches = read_csv_batches(
                stream,
                columns=COLUMNS,
                required=REQUIRED,
                categories=categories,
                validate=validate,
                batch_lines=BATCH_ROWS,
            )
        else:
            batches = _batches(read_ndjson(stream, columns=COLUMNS), validate)
        # Each batch is read, validated and rid of SKUs given before outside its transaction
        # (ahead, in a thread, where the caller holds no transaction), so a transaction lasts
        # only as long as its SQL.
        batches = _without_duplicates(batches, tables.seen)
        with _read_ahead(batches, enabled=not connection.in_atomic_block) as ready:
            while True:
                started = time.perf_counter()
                batch = next(ready, None)
                # With reading ahead, the time spent waiting for the next batch.
                totals.timings.read_validate += time.perf_counter() - started
                if batch is None:
                    break
                _load(job, batch, totals, tables)
                if progress is not None:
                    progress(totals.rows, job.total_rows)
    except FileRejected as exc:
        return _finish(job, ImportStatus.FAILED, str(exc), totals.timings)
    except Exception as exc:
        logger.exception("product import %s failed", job.pk)
        _finish(job, ImportStatus.FAILED, f"The import stopped on an unexpected error ({type(exc).__name__}).")
        raise
    finally:
        with connection.cursor() as cursor:
            tables.drop(cursor)
    return _finish(job, ImportStatus.SUCCEEDED, "", totals.timings)


def _without_duplicates(batches: Iterator[_Batch], seen: loader.SeenSkus) -> Iterator[_Batch]:
    """The batches without the SKUs given before, rejected (naming the first's line), with the
    content hash of each row left. In the read-ahead thread, in file order: about 25 ms a batch
    of 20,000 at a million SKUs seen (pyarrow's kernels, the GIL released) and the hashes
    (about 17 ms) taken off the writing thread."""
    for batch in batches:
        valid, table, duplicates = loader.drop_duplicates(seen, batch.valid, batch.table)
        yield _Batch(
            rows=batch.rows,
            table=table,
            valid=list(valid),
            rejections=[*batch.rejections, *duplicates],
            digests=batch_digests(valid, table),
        )


@contextmanager
def _read_ahead(batches: Iterator[_Batch], *, enabled: bool) -> Iterator[Iterator[_Batch]]:
    """The batches, each read and validated in a thread while the one before is written.

    Reading is mostly pyarrow's kernels and writing mostly waiting for PostgreSQL, both with the
    GIL released, so the two overlap (docs/catalog-bulk.md, "The set-based import"). The thread
    reads an upload's chunks on a connection of its own, outside the batches' transactions, so
    it is ``enabled`` only where the caller holds no transaction (not inside tests' atomic
    blocks, whose stored chunks another connection cannot see). At most one batch waits.
    """
    if not enabled:
        yield batches
        return
    ready: queue.Queue[tuple[_Batch | None, BaseException | None]] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def hand_over(item: tuple[_Batch | None, BaseException | None]) -> None:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.2)
                return
            except queue.Full:
                continue

    def read() -> None:
        try:
            for batch in batches:
                hand_over((batch, None))
                if stop.is_set():
                    return
            hand_over((None, None))
        except BaseException as exc:  # handed to the importing thread, which raises it
            hand_over((None, exc))
        finally:
            connection.close()  # this thread's, if reading an upload's chunks opened one

    def received() -> Iterator[_Batch]:
        while True:
            batch, error = ready.get()
            if error is not None:
                raise error
            if batch is None:
                return
            yield batch

    reader = threading.Thread(target=read, name="import-read-ahead", daemon=True)
    reader.start()
    try:
        yield received()
    finally:
        stop.set()
        reader.join()


def _batches(
    records: Iterator[Record | Rejection], validate: Callable[[Record], ValidRow | Rejection]
) -> Iterator[_Batch]:
    valid: list[ValidRow] = []
    rejections: list[Rejection] = []
    count = 0
    for record in records:
        count += 1
        outcome = validate(record) if isinstance(record, Record) else record
        if isinstance(outcome, Rejection):
            rejections.append(outcome)
        else:
            valid.append(outcome)
        if count == BATCH_ROWS:
            yield _Batch(rows=count, valid=valid, rejections=rejections)
            valid, rejections, count = [], [], 0
    if count:
        yield _Batch(rows=count, valid=valid, rejections=rejections)


def _load(job: ProductImport, batch: _Batch, totals: _Totals, tables: loader.ImportTables) -> None:
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        outcome = loader.load_batch(
            cursor,
            batch.valid,
            table=batch.table,
            tables=tables,
            actor=job.created_by,
            reference=f"import:{job.pk}",
            duplicates_dropped=True,
            digests=batch.digests,
        )
        rejections = sorted([*batch.rejections, *outcome.rejections], key=lambda rejection: rejection.line)
        room = MAX_STORED_ERRORS - totals.errors_stored
        if room > 0:
            errors = [
                ProductImportError(
                    product_import=job,
                    line=error.line,
                    sku=rejection.sku[:200],
                    field=(error.field or "")[:100],
                    code=error.code.value,
                    message=error.message[:500],
                )
                for rejection in rejections
                for error in rejection.errors
            ][:room]
            ProductImportError.objects.bulk_create(errors)
            totals.errors_stored += len(errors)
        totals.rows += batch.rows
        totals.created += outcome.created
        totals.updated += outcome.updated
        totals.unchanged += outcome.unchanged
        totals.rejected += len(rejections)
        # Progress commits with the batch it describes.
        ProductImport.objects.filter(pk=job.pk).update(
            rows_processed=F("rows_processed") + batch.rows,
            created_count=F("created_count") + outcome.created,
            updated_count=F("updated_count") + outcome.updated,
            unchanged_count=F("unchanged_count") + outcome.unchanged,
            rejected_count=F("rejected_count") + len(rejections),
            updated_at=timezone.now(),
        )
        if outcome.created or outcome.updated:
            # Indexed while the import goes on (a worker runs the indexer beside the import,
            # WORKER_CONCURRENCY), not all after it: deferred at the batch's commit, and at most
            # one run waits (its queueing lock), so this is one refused INSERT while one does.
            search_index_request()
        written = time.perf_counter()
    # Counted once the batch is committed: a batch rolled back wrote none of its rows.
    for kind, count in (
        ("created", outcome.created),
        ("updated", outcome.updated),
        ("unchanged", outcome.unchanged),
        ("rejected", len(rejections)),
    ):
        IMPORT_ROWS.labels(kind).inc(count)
    totals.timings.write += written - started
    totals.timings.commit += time.perf_counter() - written


def _finish(job: ProductImport, status: ImportStatus, error: str, timings: ImportTimings | None = None) -> ImportResult:
    job.refresh_from_db()
    job.status = status
    job.error = error
    job.finished_at = timezone.now()
    if status == ImportStatus.SUCCEEDED:
        job.total_rows = job.rows_processed
    job.save(update_fields=["status", "error", "finished_at", "total_rows", "updated_at"])
    IMPORTS_FINISHED.labels(status.value).inc()
    return _result(job, timings)


def _result(job: ProductImport, timings: ImportTimings | None = None) -> ImportResult:
    return ImportResult(
        import_id=job.pk,
        status=ImportStatus(job.status),
        rows_processed=job.rows_processed,
        created=job.created_count,
        updated=job.updated_count,
        unchanged=job.unchanged_count,
        rejected=job.rejected_count,
        error=job.error,
        timings=timings or ImportTimings(),
    )
