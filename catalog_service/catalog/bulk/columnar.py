"""Reading and validating a CSV import by column, with pyarrow.

The file is read in blocks of lines. A block whose every record is one plain line (the
common case: a file some program wrote) is parsed by pyarrow's CSV reader and validated by
column, each rule one vectorised check over the block (``_fast_rows``). Everything else goes
through the row-by-row code that defines the import's behaviour (``readers.csv_records`` and
``rows.make_validator``), so the report of a rejected row (line, field, code, message) is the
same whichever way its block was read:

- a block pyarrow might read differently from Python's ``csv`` module (a NUL, bytes that are
  not UTF-8, an overlong line, a blank line, a lone carriage return, a record over several
  lines, a field over ``csv.field_size_limit()``, a quote a strict reader refuses, a wrong
  number of fields) is read by ``csv_records`` from its first line, until a record ends at or
  after the block's last line;
- in a block read by column, a row that any check does not pass at once (a value with
  surrounding spaces, a price written ``1e3``, attributes that are not a flat JSON object, or a
  row that is wrong) is validated by ``make_validator``: the checks here only ever say "this
  value is fine as it is", never why one is not.

The rows that pass come out as an Arrow table in the staging table's column order, written to
PostgreSQL by one ``COPY ... (FORMAT csv)`` per batch (``loader``), with no Python object per
row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import IO, Any, Final

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from catalog_service.catalog.bulk import rows
from catalog_service.catalog.bulk.readers import Record, Rejection, csv_records, lines_of, read_header
from catalog_service.catalog.bulk.rows import ValidRow
from catalog_service.catalog.models import SKU_PATTERN
from common.csv_cells import QUOTE, QUOTED_PATTERN

# A quoted field closed and followed by anything but a delimiter or the line's end: Python's
# strict reader refuses the record, pyarrow would read on. Searched from every comma and line
# start, so it also fires on some well-formed fields (a comma inside quoted text followed by a
# quote): those blocks are read row by row, which is only slower.
# (RE2, over each line: linear time, where Python's re over a whole block costs more than
# Python's csv module reading it.)
_CLOSED_AND_FOLLOWED: Final = r'(?:^|,)"[^"]*(?:""[^"]*)*"[^,\r\n"]'
# A value that needs the row-by-row rules: an empty one, or one with something other than a
# printable ASCII character at either end (whitespace the validator would strip, or text whose
# trimming and case rules differ between engines).
_EDGE: Final = r"^[^\x21-\x7e]|[^\x21-\x7e]$"
_PRICE: Final = r"^[0-9]{1,10}(\.[0-9]{1,2})?$"  # below 10**10, at most two decimals: as it is
_CURRENCY: Final = r"^[A-Z]{3}$"
_STOCK: Final = r"^[0-9]{1,9}$"  # below the column's 2**31
_PRINTABLE_ASCII: Final = r"^[\x20-\x7e]*$"
# Attributes taken as they are: a flat JSON object of strings without escapes or control
# characters, short integers or decimals without trailing zeros (whose Python float prints back
# the same digits), true, false and null. Nothing in it can be a NUL, a lone surrogate, too
# deep, NaN or a number that changes on the way through Python; ``_ATTRIBUTES_MAX_RAW`` bytes
# keep its API-measured size (json.dumps, ASCII-escaped: at most 3 bytes per byte, plus ", "
# and ": ") under the limit, and it has at most as many keys as colons.
_JSON_STRING: Final = r'"[^"\\\x00-\x1f]*"'
_JSON_NUMBER: Final = r"-?(?:0|[1-9][0-9]{0,6})(?:\.[0-9]{0,6}[1-9])?"
_JSON_VALUE: Final = f"(?:{_JSON_STRING}|{_JSON_NUMBER}|true|false|null)"
_JSON_PAIR: Final = f"{_JSON_STRING} *: *{_JSON_VALUE}"
_FLAT_OBJECT: Final = rf"^\{{ *(?:{_JSON_PAIR} *(?:, *{_JSON_PAIR} *)*)?\}}$"
_ATTRIBUTES_MAX_RAW: Final = (rows.ATTRIBUTES_MAX_BYTES - 2 * rows.ATTRIBUTES_MAX_KEYS * 2) // 3
_BOOLEANS: Final = pa.array(sorted((rows.TRUE_WORDS | rows.FALSE_WORDS) - {""}))
_TRUE_WORDS: Final = pa.array(sorted(rows.TRUE_WORDS - {""}))
_OPTIONAL_DEFAULTS: Final = {"description": "", "attributes": "", "is_active": "", "stock": ""}

STAGE_SCHEMA: Final = pa.schema(
    [
        ("line", pa.int64()),
        ("sku", pa.string()),
        ("name", pa.string()),
        ("slug", pa.string()),
        ("description", pa.string()),
        ("category_id", pa.int64()),
        ("price", pa.string()),  # the file's text; the staging column's numeric(12, 2) reads it
        ("currency", pa.string()),
        ("attributes", pa.string()),  # JSON text; the staging column's jsonb reads it
        ("is_active", pa.bool_()),
        ("on_hand", pa.int32()),
    ]
)
assert tuple(STAGE_SCHEMA.names) == ValidRow._fields


@dataclass
class ColumnarBatch:
    """One batch of an import: how many records it read, the rows validated by column (an
    Arrow table of ``STAGE_SCHEMA``), the others, validated row by row, and their hashes."""

    rows: int = 0
    table: pa.Table | None = None
    valid: list[ValidRow] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    # The content hash of each valid row (``digests.batch_digests``), once computed.
    digests: pa.Table | None = None

    def add(self, outcome: ValidRow | Rejection) -> None:
        if isinstance(outcome, Rejection):
            self.rejections.append(outcome)
        else:
            self.valid.append(outcome)


def stage_csv(table: pa.Table) -> bytes:
    """The table as CSV for ``COPY ... (FORMAT csv)``: an empty string quoted, a null bare."""
    sink = io.BytesIO()
    pa_csv.write_csv(table, sink, pa_csv.WriteOptions(include_header=False))
    return sink.getvalue()


def read_csv_batches(
    stream: IO[bytes],
    *,
    columns: frozenset[str],
    required: frozenset[str],
    categories: Mapping[str, int],
    validate: Callable[[Record], ValidRow | Rejection],
    batch_lines: int,
) -> Iterator[ColumnarBatch]:
    """The batches of a CSV file, each from about ``batch_lines`` lines.

    Raises FileRejected (from the header) as ``readers.read_csv`` does.
    """
    oversized: set[int] = set()
    lines = lines_of(stream, oversized)
    header, line_number = read_header(_decoded(lines), columns=columns, required=required)
    lookup = _CategoryLookup(categories)
    while True:
        block = list(islice(lines, batch_lines))
        if not block:
            return
        first = line_number + 1
        line_number += len(block)
        fast = None
        if not any(first <= number <= line_number for number in oversized):
            fast = _fast_block(block, first=first, header=header, lookup=lookup, validate=validate)
        if fast is not None:
            yield fast
            continue
        # Row by row from the block's first line, on into the lines after it if a record does.
        batch = ColumnarBatch()
        reader = csv.reader(_decoded(chain(block, lines)), strict=True)
        for record in csv_records(reader, header=header, oversized=oversized, offset=first - 1, stop_after=len(block)):
            batch.rows += 1
            batch.add(validate(record) if isinstance(record, Record) else record)
        line_number = first - 1 + reader.line_num
        yield batch


def _decoded(lines: Iterator[bytes]) -> Iterator[str]:
    # surrogateescape keeps undecodable bytes in the text (readers.read_csv).
    return (line.decode("utf-8", "surrogateescape") for line in lines)


class _CategoryLookup:
    def __init__(self, categories: Mapping[str, int]) -> None:
        # References the row-by-row rule would take as they are (no "/" to strip, not too long).
        usable = {
            ref: pk
            for ref, pk in categories.items()
            if len(ref) <= rows.CATEGORY_MAX_LENGTH and not ref.startswith("/") and not ref.endswith("/")
        }
        self.refs = pa.array(list(usable), pa.string())
        self.ids = pa.array(list(usable.values()), pa.int64())

    def ids_of(self, values: pa.Array) -> pa.Array:
        """Each value's category id, null where it is not (as it is) a reference."""
        return pc.take(self.ids, pc.index_in(values, value_set=self.refs))


def _readable_as_columns(block: list[bytes], data: bytes) -> bool:
    """Whether pyarrow reads this block (``data``: its lines joined, the last ending with a
    newline) as Python's strict reader does, as far as cheap checks can tell."""
    if (
        b"\x00" in data
        or (b"\r" in data and data.count(b"\r") != data.count(b"\r\n"))
        or data.startswith((b"\n", b"\r\n"))
        or b"\n\n" in data
        or b"\n\r\n" in data
    ):
        return False
    try:
        lines = pa.array(block, pa.binary()).cast(pa.string())
    except pa.ArrowInvalid:
        return False  # not UTF-8
    return not pc.any(pc.match_substring_regex(lines, _CLOSED_AND_FOLLOWED)).as_py()


def _fast_block(
    block: list[bytes],
    *,
    first: int,
    header: list[str],
    lookup: _CategoryLookup,
    validate: Callable[[Record], ValidRow | Rejection],
) -> ColumnarBatch | None:
    """The block read and validated by column; None if it must be read row by row."""
    data = b"".join(block)
    if not data.endswith(b"\n"):
        data += b"\n"  # the file's last line
    if not _readable_as_columns(block, data):
        return None
    invalid_rows = 0

    def count_invalid(_row: Any) -> str:
        nonlocal invalid_rows
        invalid_rows += 1
        return "skip"

    try:
        table = pa_csv.read_csv(
            io.BytesIO(data),
            read_options=pa_csv.ReadOptions(column_names=header, use_threads=False, block_size=max(len(data), 1 << 20)),
            parse_options=pa_csv.ParseOptions(newlines_in_values=True, invalid_row_handler=count_invalid),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(header, pa.string()), strings_can_be_null=False, check_utf8=True
            ),
        )
    except pa.ArrowInvalid:
        return None  # not UTF-8, or not CSV: the row-by-row reader says where
    if invalid_rows or table.num_rows != len(block):
        return None  # a record over several lines, or with the wrong number of fields
    limit = csv.field_size_limit()
    for name in header:
        column = table.column(name)
        if len(column) and pc.max(pc.binary_length(column)).as_py() > limit:
            return None
        if pc.any(pc.starts_with(column, QUOTE)).as_py():
            # A cell our export neutralised for spreadsheets reads back as it was (common.csv_cells).
            table = table.set_column(
                table.schema.get_field_index(name),
                name,
                pc.replace_substring_regex(column, pattern=QUOTED_PATTERN, replacement=r"\1", max_replacements=1),
            )
    return _fast_rows(table.combine_chunks(), first=first, header=header, lookup=lookup, validate=validate)


def _fast_rows(
    table: pa.Table,
    *,
    first: int,
    header: list[str],
    lookup: _CategoryLookup,
    validate: Callable[[Record], ValidRow | Rejection],
) -> ColumnarBatch:
    count = table.num_rows
    empty = pa.array([""] * count, pa.string())

    def column(name: str) -> pa.Array:
        return table.column(name).chunk(0) if name in header and count else empty

    def plain(values: pa.Array) -> pa.Array:
        # Non-empty, and nothing the row-by-row rules would trim.
        return pc.and_(pc.not_equal(values, ""), pc.invert(pc.match_substring_regex(values, _EDGE)))

    def absent(values: pa.Array) -> pa.Array:
        return pc.equal(values, "")

    sku, name, description = column("sku"), column("name"), column("description")
    price, currency, category = column("price"), column("currency"), column("category")
    attributes, is_active, stock = column("attributes"), column("is_active"), column("stock")
    category_id = lookup.ids_of(category)
    lowered_active = pc.utf8_lower(is_active)
    whole_stock = pc.match_substring_regex(stock, _STOCK)
    checks = [
        pc.match_substring_regex(sku, SKU_PATTERN),
        plain(name),
        pc.less_equal(pc.utf8_length(name), rows.NAME_MAX_LENGTH),
        pc.or_(absent(description), plain(description)),
        pc.less_equal(pc.utf8_length(description), rows.DESCRIPTION_MAX_LENGTH),
        pc.match_substring_regex(price, _PRICE),
        pc.match_substring_regex(currency, _CURRENCY),
        pc.is_valid(category_id),
        pc.or_(
            absent(attributes),
            pc.and_(
                pc.less_equal(pc.binary_length(attributes), _ATTRIBUTES_MAX_RAW),
                pc.and_(
                    pc.match_substring_regex(attributes, _FLAT_OBJECT),
                    pc.less_equal(pc.count_substring(attributes, ":"), rows.ATTRIBUTES_MAX_KEYS),
                ),
            ),
        ),
        pc.or_(absent(is_active), pc.and_(pc.string_is_ascii(is_active), pc.is_in(lowered_active, _BOOLEANS))),
        pc.or_(absent(stock), whole_stock),
    ]
    ok = checks[0]
    for check in checks[1:]:
        ok = pc.and_(ok, check)
    ok = pc.fill_null(ok, False)
    lines = pa.array(range(first, first + count), pa.int64())
    staged = pa.table(
        {
            "line": lines,
            "sku": sku,
            "name": name,
            "slug": _slugs(name, sku),
            "description": description,
            "category_id": category_id,
            "price": price,
            "currency": currency,
            "attributes": pc.if_else(absent(attributes), "{}", attributes),
            "is_active": pc.or_(absent(is_active), pc.is_in(lowered_active, _TRUE_WORDS)),
            # Only the values the check passed are cast: the others would not convert.
            "on_hand": pc.cast(pc.if_else(whole_stock, stock, None), pa.int32()),
        },
        schema=STAGE_SCHEMA,
    ).filter(ok)
    batch = ColumnarBatch(rows=count, table=staged)
    if staged.num_rows < count:
        others = pc.indices_nonzero(pc.invert(ok))
        raw = table.take(others).to_pylist()
        for index, values in zip(others.to_pylist(), raw, strict=True):
            batch.add(validate(Record(first + index, values)))
    return batch


def _slugs(name: pa.Array, sku: pa.Array) -> pa.Array:
    """``rows.product_slug`` by column for printable ASCII names (where it is Django's slugify:
    lower case, drop what is not a word character, space or hyphen, runs of spaces and hyphens
    to one hyphen, strip hyphens and underscores), row by row for the rest."""
    ascii_names = pc.match_substring_regex(name, _PRINTABLE_ASCII)
    slug = _ascii_slugify(name)
    nameless = pc.equal(slug, "")
    if pc.any(nameless).as_py():  # rare: a name of punctuation only
        from_sku = _ascii_slugify(sku)  # a valid SKU is ASCII
        slug = pc.if_else(nameless, pc.if_else(pc.equal(from_sku, ""), "product", from_sku), slug)
    if pc.max(pc.utf8_length(slug)).as_py() > rows.SLUG_MAX_LENGTH:
        slug = pc.utf8_slice_codeunits(slug, 0, rows.SLUG_MAX_LENGTH)
    if pc.all(ascii_names).as_py() is not False:
        return slug
    names, skus, ascii_flags = name.to_pylist(), sku.to_pylist(), ascii_names.to_pylist()
    computed = slug.to_pylist()
    return pa.array(
        [
            value if flag else rows.product_slug(n, s)
            for value, flag, n, s in zip(computed, ascii_flags, names, skus, strict=True)
        ],
        pa.string(),
    )


def _ascii_slugify(values: pa.Array) -> pa.Array:
    lowered = pc.ascii_lower(values)
    kept = pc.replace_substring_regex(lowered, pattern=r"[^a-z0-9_ \t\n\r\f\v-]", replacement="")
    if pc.any(pc.match_substring_regex(kept, r"[\t\n\r\f\v]|[ -]{2}")).as_py():
        joined = pc.replace_substring_regex(kept, pattern=r"[ \t\n\r\f\v-]+", replacement="-")
    else:
        # The common case, every run a single space or hyphen: a literal replace, a third of the
        # regex's time.
        joined = pc.replace_substring(kept, " ", "-")
    return pc.utf8_trim(joined, characters="-_")
