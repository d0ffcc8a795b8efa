"""Streaming products out as CSV, NDJSON or Parquet at constant memory.

PostgreSQL renders the rows itself (``COPY (SELECT ...) TO STDOUT``) and the web process only
passes the bytes on in 64 KiB pieces: no model instances, no per-row Python, and nothing
accumulates however many rows there are. The columns are exactly the import's, so an export
can be imported again as it is (and changes nothing).

In CSV, the text columns are neutralised for spreadsheets in the SELECT itself
(``common.csv_cells.neutralised``: a cell starting with = + - @, a tab or a carriage return gets a
leading quote), and the CSV reader undoes it, so the round trip still changes nothing. Price,
stock, is_active and attributes (a JSON object, starting with "{") are rendered from typed
values and are never text a spreadsheet would run. NDJSON is not opened by spreadsheets and is
written as it is.

Parquet (what data teams load into their warehouses) is typed and columnar: PostgreSQL still
renders the rows (as CSV, its values as they are), and the web process turns every
``PARQUET_ROW_GROUP_ROWS`` of them into an Arrow table and writes it as one row group through
``pyarrow.parquet.ParquetWriter``, passing each row group's bytes on as soon as it is written.
Memory is bounded by one row group, whatever the number of rows.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any, Final

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models import CharField, F, Func, JSONField, QuerySet, Value
from django.db.models.functions import Cast

from catalog_service.catalog.bulk import dbcopy
from catalog_service.catalog.metrics import EXPORT_ROWS
from catalog_service.catalog.models import PRICE_DECIMAL_PLACES, PRICE_MAX_DIGITS, ImportFormat, Product
from common.csv_cells import neutralised

COLUMNS: Final = ("sku", "name", "description", "price", "currency", "category", "attributes", "is_active", "stock")
# The columns holding text someone typed (an import, the API, the admin), neutralised in CSV.
# sku and currency are text too, but the database's CHECK constraints (product_sku_format,
# product_currency_iso4217) make them start with a letter or digit, so the rule could never
# change them; each neutralised column costs about 0.4 s of PostgreSQL time per million rows.
NEUTRALISED_COLUMNS: Final = ("name", "description", "category")
PIECE_BYTES: Final = 64 * 1024
# About 3 MB of rows per row group: what a web worker holds at once (the rows as PostgreSQL
# sent them, their Arrow table, the row group being encoded). 50,000 took a worker's peak RSS
# 80 MB above its idle size in the bench, past the export's 200 MB budget.
PARQUET_ROW_GROUP_ROWS: Final = 10_000


class ExportFormat(models.TextChoices):
    """The export's formats: the import's two, and Parquet (export only)."""

    CSV = ImportFormat.CSV.value, "CSV"
    NDJSON = ImportFormat.NDJSON.value, "NDJSON"
    PARQUET = "parquet", "Parquet"


CONTENT_TYPES: Final = {
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.NDJSON: "application/x-ndjson",
    ExportFormat.PARQUET: "application/vnd.apache.parquet",
}
# The Parquet file's schema: the export's columns, typed. attributes is the JSON object's text.
PARQUET_SCHEMA: Final = pa.schema(
    [
        pa.field("sku", pa.string(), nullable=False),
        pa.field("name", pa.string(), nullable=False),
        pa.field("description", pa.string(), nullable=False),
        pa.field("price", pa.decimal128(PRICE_MAX_DIGITS, PRICE_DECIMAL_PLACES), nullable=False),
        pa.field("currency", pa.string(), nullable=False),
        pa.field("category", pa.string(), nullable=False),
        pa.field("attributes", pa.string(), nullable=False),
        pa.field("is_active", pa.bool_(), nullable=False),
        pa.field("stock", pa.int32()),  # null: the product has no stock row
    ]
)
assert tuple(PARQUET_SCHEMA.names) == COLUMNS


class JSONBuildObject(Func):
    """``json_build_object(k1, v1, ...)``: keys in the order given (jsonb would reorder them)."""

    function = "json_build_object"
    output_field = JSONField()


def _values(products: QuerySet[Product]) -> dict[str, Any]:
    return {
        "sku": F("sku"),
        "name": F("name"),
        "description": F("description"),
        "price": Cast("price", CharField()),  # "19.90": a decimal string, as the API writes money
        "currency": F("currency"),
        "category": F("category__slug"),
        "attributes": F("attributes"),
        "is_active": F("is_active"),
        "stock": F("stock__on_hand"),  # LEFT JOIN: a product without a stock row has null
    }


def export_sql(products: QuerySet[Product], *, ordering: tuple[str, ...], file_format: ExportFormat) -> tuple[str, Any]:
    """The SELECT (and its parameters) whose rows are the export's lines, in ``ordering``."""
    values = _values(products)
    if file_format == ExportFormat.PARQUET:
        # Typed values, as they are: Parquet is not opened by spreadsheets.
        values["price"] = F("price")
        rows = products.order_by(*ordering).values_list(*(values[c] for c in COLUMNS))
    elif file_format == ExportFormat.CSV:
        # is_active as "true"/"false" rather than COPY's "t"/"f", so the file reads plainly.
        values["is_active"] = Cast("is_active", CharField())
        for column in NEUTRALISED_COLUMNS:
            values[column] = neutralised(values[column])
        rows = products.order_by(*ordering).values_list(*(values[c] for c in COLUMNS))
    else:
        pairs: list[Any] = []
        for column in COLUMNS:
            pairs.extend((Value(column), values[column]))
        rows = products.order_by(*ordering).values_list(JSONBuildObject(*pairs))
    sql, params = rows.query.sql_with_params()
    return sql, params


def export_stream(
    sql: str, params: Any, *, file_format: ExportFormat, using: str = DEFAULT_DB_ALIAS
) -> Iterator[bytes]:
    """The export's bytes: the header (CSV), then the rows as PostgreSQL writes them, from the
    database ``using`` (the router's choice for the request: a replica, common/replicas.py)."""
    if file_format == ExportFormat.PARQUET:
        yield from _parquet_stream(sql, params, using=using)
        return
    if file_format == ExportFormat.CSV:
        # Sent before the query runs, so the first bytes reach the client at once.
        yield (",".join(COLUMNS) + "\n").encode()
        options = "FORMAT csv"
    else:
        # One JSON text per row, written verbatim: COPY's text format would escape its
        # backslashes, and CSV quotes a value only when it holds the delimiter, the quote
        # character or a line break. JSON text holds none of these control characters (it
        # escapes them), and no line break, so no value is ever quoted.
        options = "FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01'"
    rows = 0
    try:
        with (
            connections[using].cursor() as cursor,
            dbcopy.copy(cursor, f"COPY ({sql}) TO STDOUT ({options})", params) as copy,
        ):
            piece = bytearray()
            first = True
            # COPY sends a message per row; gather them so each write to the client is sizeable
            # (but pass the first row on at once).
            for data in copy:
                piece += data
                rows += 1
                if first or len(piece) >= PIECE_BYTES:
                    first = False
                    yield bytes(piece)
                    piece.clear()
            if piece:
                yield bytes(piece)
    finally:
        # Once per export, also when the client goes away half-way (the rows read so far).
        EXPORT_ROWS.labels(file_format.value).inc(rows)


class _Pieces(io.RawIOBase):
    """A write-only file that keeps what is written until ``take``: ParquetWriter's sink."""

    def __init__(self) -> None:
        super().__init__()
        self._pending = bytearray()
        self._written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        size = len(data)
        self._pending += data
        self._written += size
        return size

    def tell(self) -> int:
        return self._written

    def take(self) -> bytes:
        piece = bytes(self._pending)
        self._pending.clear()
        return piece


_PARQUET_READ: Final = {
    "read_options": pa_csv.ReadOptions(column_names=list(COLUMNS), use_threads=False),
    "convert_options": pa_csv.ConvertOptions(
        column_types=PARQUET_SCHEMA,
        # COPY writes NULL bare and an empty string quoted.
        strings_can_be_null=True,
        quoted_strings_can_be_null=False,
        true_values=["t"],
        false_values=["f"],
    ),
    "parse_options": pa_csv.ParseOptions(newlines_in_values=True),
}


def _write_group(writer: pq.ParquetWriter, rows: bytearray) -> None:
    # Read in place (no copy of the rows); the table holds its own copies of the values.
    source = pa.BufferReader(pa.py_buffer(rows))
    table = pa_csv.read_csv(source, **_PARQUET_READ)
    source.close()
    del source
    writer.write_table(table.cast(PARQUET_SCHEMA), row_group_size=PARQUET_ROW_GROUP_ROWS)


def _parquet_stream(sql: str, params: Any, *, using: str) -> Iterator[bytes]:
    """A Parquet file of the rows: one row group per PARQUET_ROW_GROUP_ROWS, each passed on
    when it is written; the footer (the file's metadata) last."""
    sink = _Pieces()
    rows = 0
    try:
        with pq.ParquetWriter(sink, PARQUET_SCHEMA, compression="zstd") as writer:
            yield sink.take()  # the file's magic number, before the query runs
            with (
                connections[using].cursor() as cursor,
                dbcopy.copy(cursor, f"COPY ({sql}) TO STDOUT (FORMAT csv)", params) as copy,
            ):
                group = bytearray()
                in_group = 0
                for data in copy:
                    group += data
                    in_group += 1
                    if in_group == PARQUET_ROW_GROUP_ROWS:
                        _write_group(writer, group)
                        rows += in_group
                        group.clear()
                        in_group = 0
                        yield sink.take()
                if in_group:
                    _write_group(writer, group)
                    rows += in_group
        yield sink.take()
    finally:
        EXPORT_ROWS.labels(ExportFormat.PARQUET.value).inc(rows)
