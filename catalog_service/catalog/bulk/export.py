"""Streaming products out as CSV or NDJSON at constant memory.

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
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import CharField, F, Func, JSONField, QuerySet, Value
from django.db.models.functions import Cast

from catalog_service.catalog.bulk import dbcopy
from catalog_service.catalog.metrics import EXPORT_ROWS
from catalog_service.catalog.models import ImportFormat, Product
from common.csv_cells import neutralised

COLUMNS: Final = ("sku", "name", "description", "price", "currency", "category", "attributes", "is_active", "stock")
# The columns holding text someone typed (an import, the API, the admin), neutralised in CSV.
# sku and currency are text too, but the database's CHECK constraints (product_sku_format,
# product_currency_iso4217) make them start with a letter or digit, so the rule could never
# change them; each neutralised column costs about 0.4 s of PostgreSQL time per million rows.
NEUTRALISED_COLUMNS: Final = ("name", "description", "category")
PIECE_BYTES: Final = 64 * 1024
CONTENT_TYPES: Final = {ImportFormat.CSV: "text/csv; charset=utf-8", ImportFormat.NDJSON: "application/x-ndjson"}


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


def export_sql(products: QuerySet[Product], *, ordering: tuple[str, ...], file_format: ImportFormat) -> tuple[str, Any]:
    """The SELECT (and its parameters) whose rows are the export's lines, in ``ordering``."""
    values = _values(products)
    if file_format == ImportFormat.CSV:
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
    sql: str, params: Any, *, file_format: ImportFormat, using: str = DEFAULT_DB_ALIAS
) -> Iterator[bytes]:
    """The export's bytes: the header (CSV), then the rows as PostgreSQL writes them, from the
    database ``using`` (the router's choice for the request: a replica, common/replicas.py)."""
    if file_format == ImportFormat.CSV:
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
