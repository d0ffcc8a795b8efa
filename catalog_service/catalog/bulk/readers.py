"""Reading an import file into records, one at a time and whatever is wrong with it.

A bad record (undecodable bytes, a NUL byte, broken quoting, malformed JSON, an overlong
line) becomes a ``Rejection`` carrying its line number; reading goes on with the next one.
Only a file that cannot be read at all (empty, or a CSV header that is not usable) raises
``FileRejected``. Memory stays bounded: lines are read at most ``MAX_LINE_BYTES`` at a time,
so a file without line breaks cannot be pulled into memory whole.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import IO, Any, Final, NamedTuple

from common.csv_cells import restore

# A product record is a few hundred bytes; a line much longer than this is not one.
MAX_LINE_BYTES: Final = 1 << 20
# Lone surrogates are how undecodable bytes survive decoding with "surrogateescape".
_SURROGATE = re.compile("[\udc80-\udcff]")


class ErrorCode(StrEnum):
    REQUIRED = "required"
    INVALID = "invalid"
    MAX_LENGTH = "max_length"
    MIN_VALUE = "min_value"
    MAX_VALUE = "max_value"
    MAX_DECIMAL_PLACES = "max_decimal_places"
    UNKNOWN_CATEGORY = "unknown_category"
    UNKNOWN_FIELD = "unknown_field"
    INVALID_ENCODING = "invalid_encoding"
    NULL_CHARACTER = "null_characters_not_allowed"
    MALFORMED = "malformed_record"
    LINE_TOO_LONG = "line_too_long"
    DUPLICATE_SKU = "duplicate_sku"
    BELOW_RESERVED = "below_reserved"


@dataclass(frozen=True)
class RowError:
    """One problem with one record: where (line, field) and why (code, message)."""

    line: int
    field: str | None
    code: ErrorCode
    message: str


@dataclass(frozen=True)
class Rejection:
    """A record that will not be imported, with every problem found in it."""

    line: int
    sku: str
    errors: tuple[RowError, ...]

    @classmethod
    def one(cls, line: int, field: str | None, code: ErrorCode, message: str, *, sku: str = "") -> Rejection:
        return cls(line=line, sku=sku, errors=(RowError(line=line, field=field, code=code, message=message),))


class Record(NamedTuple):
    """A readable record: its first line and its values by column (strings from CSV, JSON
    values from NDJSON). A NamedTuple rather than a dataclass: there is one per row of a
    million-row file, and tuples are the cheapest immutable record Python has."""

    line: int
    values: dict[str, Any]


class FileRejected(ValueError):
    """The file as a whole cannot be imported (the job fails, or the upload is refused)."""


def lines_of(stream: IO[bytes], oversized: set[int]) -> Iterator[bytes]:
    """The stream's lines, each at most MAX_LINE_BYTES, the first without a UTF-8 byte order mark;
    an overlong line is drained and replaced by an empty one whose (1-based) number goes into
    ``oversized``."""
    number = 0
    readline = stream.readline
    while True:
        line = readline(MAX_LINE_BYTES)
        if not line:
            return
        number += 1
        if len(line) == MAX_LINE_BYTES and not line.endswith(b"\n"):
            while True:
                rest = readline(MAX_LINE_BYTES)
                if not rest or rest.endswith(b"\n"):
                    break
            oversized.add(number)
            line = b"\n"
        elif number == 1 and line.startswith(codecs.BOM_UTF8):
            # Excel's "CSV UTF-8" and other exporters start the file with a byte order mark;
            # left in, it becomes part of the first column's name.
            line = line[len(codecs.BOM_UTF8) :]
        yield line


def _bad_text_field(values: list[str], names: list[str]) -> tuple[str | None, ErrorCode] | None:
    """The first field holding undecodable bytes or a NUL, if any (None when there is none)."""
    for index, value in enumerate(values):
        name = names[index] if index < len(names) else None
        if _SURROGATE.search(value):
            return name, ErrorCode.INVALID_ENCODING
        if "\x00" in value:
            return name, ErrorCode.NULL_CHARACTER
    return None


_TEXT_PROBLEMS: Final = {
    ErrorCode.INVALID_ENCODING: "The value is not valid UTF-8.",
    ErrorCode.NULL_CHARACTER: "NUL characters are not allowed.",
}


def read_csv(stream: IO[bytes], *, columns: frozenset[str], required: frozenset[str]) -> Iterator[Record | Rejection]:
    """Records of a CSV file whose first line names the columns (any order, any case).

    Raises FileRejected for an empty file or an unusable header: unknown or duplicate
    columns, or a required one missing.
    """
    oversized: set[int] = set()
    # surrogateescape keeps undecodable bytes in the text, so the record holding them is
    # found and rejected by its line number instead of the whole file failing to decode.
    text_lines = (line.decode("utf-8", "surrogateescape") for line in lines_of(stream, oversized))
    header, header_lines = read_header(text_lines, columns=columns, required=required)
    yield from csv_records(csv.reader(text_lines, strict=True), header=header, oversized=oversized, offset=header_lines)


def read_header(
    text_lines: Iterator[str], *, columns: frozenset[str], required: frozenset[str]
) -> tuple[list[str], int]:
    """The header's column names and how many lines it took; FileRejected when it is unusable."""
    reader = csv.reader(text_lines, strict=True)
    try:
        header_row = next(reader)
    except StopIteration:
        raise FileRejected("The file is empty.") from None
    except csv.Error as exc:
        raise FileRejected(f"The header line cannot be read: {exc}.") from None
    return csv_header(header_row, columns=columns, required=required), reader.line_num


def csv_records(
    reader: Any, *, header: list[str], oversized: set[int], offset: int, stop_after: int | None = None
) -> Iterator[Record | Rejection]:
    """The records a ``csv.reader`` reads after the header: ``offset`` lines precede its first
    one. With ``stop_after``, it stops at the first record boundary once it has read that many
    lines (its ``line_num`` then says how many it read). The columnar reader
    (``bulk.columnar``) falls back on it for the lines it does not read itself."""
    last_line = offset
    while stop_after is None or reader.line_num < stop_after:
        start = last_line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            last_line = offset + reader.line_num
            yield Rejection.one(start, None, ErrorCode.MALFORMED, f"The record cannot be parsed as CSV: {exc}.")
            continue
        last_line = offset + reader.line_num
        if oversized:
            # The overlong line was read as an empty one: reject the record that held it.
            spanned = {number for number in oversized if start <= number <= last_line}
            if spanned:
                oversized -= spanned
                yield Rejection.one(
                    start, None, ErrorCode.LINE_TOO_LONG, f"A line is longer than {MAX_LINE_BYTES} bytes."
                )
                continue
        if not row or row == [""]:
            continue  # a blank line
        sku = row[header.index("sku")] if len(row) == len(header) else ""
        # Fast path: almost every record is plain ASCII, which holds neither problem.
        joined = "".join(row)
        if not joined.isascii() or "\x00" in joined:
            problem = _bad_text_field(row, header)
            if problem is not None:
                field, code = problem
                yield Rejection.one(start, field, code, _TEXT_PROBLEMS[code], sku=_printable(sku))
                continue
        if len(row) != len(header):
            yield Rejection.one(
                start, None, ErrorCode.MALFORMED, f"The record has {len(row)} fields; the header names {len(header)}."
            )
            continue
        if "'" in joined:
            # A cell our export neutralised for spreadsheets reads back as it was (common.csv_cells).
            row = [restore(value) for value in row]
        yield Record(start, dict(zip(header, row, strict=True)))


def csv_header(row: list[str], *, columns: frozenset[str], required: frozenset[str]) -> list[str]:
    """The normalised column names of a CSV header; FileRejected when it is unusable."""
    names = [name.strip().lower() for name in row]
    if any(_SURROGATE.search(name) or "\x00" in name for name in names):
        raise FileRejected("The header line is not valid UTF-8 text.")
    unknown = [name for name in names if name not in columns]
    if unknown:
        raise FileRejected(
            f"Unknown column(s) {', '.join(map(repr, unknown))}; the columns are {', '.join(sorted(columns))}."
        )
    duplicated = sorted({name for name in names if names.count(name) > 1})
    if duplicated:
        raise FileRejected(f"Duplicate column(s): {', '.join(duplicated)}.")
    missing = sorted(required - set(names))
    if missing:
        raise FileRejected(f"Missing required column(s): {', '.join(missing)}.")
    return names


def read_ndjson(stream: IO[bytes], *, columns: frozenset[str]) -> Iterator[Record | Rejection]:
    """Records of a newline-delimited JSON file: one object per line, blank lines skipped."""
    oversized: set[int] = set()
    for number, raw in enumerate(lines_of(stream, oversized), start=1):
        if number in oversized:
            yield Rejection.one(
                number, None, ErrorCode.LINE_TOO_LONG, f"The line is longer than {MAX_LINE_BYTES} bytes."
            )
            continue
        line = raw.strip()
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]  # a UTF-8 byte order mark
        if not line:
            continue
        if b"\x00" in line:
            yield Rejection.one(number, None, ErrorCode.NULL_CHARACTER, _TEXT_PROBLEMS[ErrorCode.NULL_CHARACTER])
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            yield Rejection.one(number, None, ErrorCode.INVALID_ENCODING, "The line is not valid UTF-8.")
            continue
        try:
            value = loads_strict_json(text)
        except (ValueError, RecursionError) as exc:
            yield Rejection.one(number, None, ErrorCode.MALFORMED, f"The line is not valid JSON: {exc}.")
            continue
        if not isinstance(value, dict):
            yield Rejection.one(number, None, ErrorCode.MALFORMED, "The line must hold a JSON object.")
            continue
        sku = value.get("sku")
        unknown = [key for key in value if key not in columns]
        if unknown:
            errors = tuple(
                RowError(
                    line=number, field=_printable(key)[:100], code=ErrorCode.UNKNOWN_FIELD, message="Unknown field."
                )
                for key in unknown
            )
            yield Rejection(line=number, sku=_printable(sku) if isinstance(sku, str) else "", errors=errors)
            continue
        yield Record(number, value)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def loads_strict_json(text: str) -> Any:
    """``json.loads`` without Python's NaN and Infinity extensions, which are not JSON and
    which PostgreSQL's jsonb refuses. Numbers with a fraction come back as floats: their repr
    is the shortest exact form of what was written (19.99, not 19.989999...)."""
    return json.loads(text, parse_constant=_refuse_constant)


def _printable(value: str) -> str:
    """A value safe to store and show in an error report (no NULs, no lone surrogates)."""
    return _SURROGATE.sub("\ufffd", value).replace("\x00", "\ufffd")[:200]
