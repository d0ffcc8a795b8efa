"""The content hash of a validated import row: the md5 the database keeps for each product
(``models.content_hash_sql``), computed for the row's values.

Computed in the import's read-ahead thread, for every valid row of a batch; the batch then COPYs
only each row's line, SKU, hash and stock (``loader``), and a row whose product has that hash
and that stock changes nothing, so its values are never COPYed. A hash computed here that
differs from the database's for equal values (attributes written with their keys in another
order or other spacing, a number JSON can write in several ways) costs only speed: the row goes
down the full path, which compares the values themselves. Correctness never depends on the
hashes matching; only equal hashes for different values (an md5 collision) would leave a
change out.

The canonical text (``content_hash_sql``): category id, price as numeric(12, 2) prints it
(``12.50``), currency, ``true``/``false``, the lengths in characters of name, slug and
description, then name, slug, description and the attributes as jsonb prints them, joined by
",". jsonb prints an object with its keys shorter first, then in byte order, each key once (the
last given), with ", " and ": " between, strings escaped as JSON with non-ASCII text as it is,
and numbers as they were written.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final

import pyarrow as pa
import pyarrow.compute as pc

from catalog_service.catalog.bulk.rows import ValidRow
from catalog_service.catalog.models import PRICE_DECIMAL_PLACES, PRICE_MAX_DIGITS

DIGEST_SCHEMA: Final = pa.schema(
    [("line", pa.int64()), ("sku", pa.string()), ("content_hash", pa.string()), ("on_hand", pa.int32())]
)
_CENT: Final = Decimal(1).scaleb(-PRICE_DECIMAL_PLACES)
_PRICE_TYPE: Final = pa.decimal128(PRICE_MAX_DIGITS, PRICE_DECIMAL_PLACES)


def batch_digests(rows: Sequence[ValidRow], table: pa.Table | None) -> pa.Table:
    """(line, SKU, content hash, stock) of every row of a batch: ``rows`` (validated row by row)
    and ``table`` (validated by column, ``columnar.STAGE_SCHEMA``)."""
    parts = []
    if rows:
        parts.append(
            pa.table(
                {
                    "line": pa.array([row.line for row in rows], pa.int64()),
                    "sku": pa.array([row.sku for row in rows], pa.string()),
                    "content_hash": pa.array([row_hash(row) for row in rows], pa.string()),
                    "on_hand": pa.array([row.on_hand for row in rows], pa.int32()),
                },
                schema=DIGEST_SCHEMA,
            )
        )
    if table is not None and table.num_rows:
        parts.append(
            pa.table(
                {
                    "line": table.column("line"),
                    "sku": table.column("sku"),
                    "content_hash": table_hashes(table),
                    "on_hand": table.column("on_hand"),
                },
                schema=DIGEST_SCHEMA,
            )
        )
    if not parts:
        return DIGEST_SCHEMA.empty_table()
    return pa.concat_tables(parts)


def table_hashes(table: pa.Table) -> pa.Array:
    """The content hash of each row of a table validated by column (hex, 32 digits). Its
    attributes are the file's JSON text as it is: the hash matches where the file wrote them as
    jsonb prints them (our export does, and ``json.dumps`` of keys in that order)."""
    table = table.combine_chunks()

    def column(name: str) -> pa.Array:
        return table.column(name).chunk(0) if table.num_rows else pa.array([], table.schema.field(name).type)

    name, slug, description = column("name"), column("slug"), column("description")
    text = pc.binary_join_element_wise(
        pc.cast(column("category_id"), pa.string()),
        # The file's digits as numeric(12, 2) prints them: "12.5" and "012.50" as "12.50".
        pc.cast(pc.cast(column("price"), _PRICE_TYPE), pa.string()),
        column("currency"),
        pc.cast(column("is_active"), pa.string()),
        pc.cast(pc.utf8_length(name), pa.string()),
        pc.cast(pc.utf8_length(slug), pa.string()),
        pc.cast(pc.utf8_length(description), pa.string()),
        name,
        slug,
        description,
        column("attributes"),
        ",",
    )
    md5 = hashlib.md5
    return pa.array(
        [md5(value, usedforsecurity=False).hexdigest() for value in pc.cast(text, pa.binary()).to_pylist()],
        pa.string(),
    )


def row_hash(row: ValidRow) -> str:
    """The content hash of a row validated row by row (hex, 32 digits)."""
    text = ",".join(
        (
            str(row.category_id),
            str(Decimal(row.price).quantize(_CENT)),
            row.currency,
            "true" if row.is_active else "false",
            str(len(row.name)),
            str(len(row.slug)),
            str(len(row.description)),
            row.name,
            row.slug,
            row.description,
            jsonb_text(row.attributes),
        )
    )
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def jsonb_text(text: str) -> str:
    """JSON text as PostgreSQL's jsonb prints it, as far as Python can tell (see the module's
    docstring: a number Python reads as a float may print otherwise, which only misses)."""
    return json.dumps(_jsonb_order(json.loads(text)), ensure_ascii=False, separators=(", ", ": "))


def _jsonb_order(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonb_order(value[key]) for key in sorted(value, key=_jsonb_key)}
    if isinstance(value, list):
        return [_jsonb_order(item) for item in value]
    return value


def _jsonb_key(key: str) -> tuple[int, bytes]:
    encoded = key.encode()
    return len(encoded), encoded
