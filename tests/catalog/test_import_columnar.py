"""The columnar CSV reader (bulk.columnar) against the row-by-row one it stands in for.

The import reads CSV by column with pyarrow, and falls back on the row-by-row reader and
validator (readers.read_csv, rows.make_validator) for whatever its checks do not pass as it
is. Whatever the file, both must come to the same rows (the same values) and the same
rejections (line, field, code, message): these tests run both over files full of the cases
where the two engines could differ, in blocks of several sizes (so that records over several
lines cross block boundaries).
"""

from __future__ import annotations

import io
import json
import random
from decimal import Decimal
from typing import Any

import pytest

from catalog_service.catalog.bulk.columnar import read_csv_batches
from catalog_service.catalog.bulk.readers import Record, Rejection, read_csv
from catalog_service.catalog.bulk.rows import COLUMNS, REQUIRED, ValidRow, make_validator

CATEGORIES = {"chairs": 1, "furniture": 2, "furniture/chairs": 1, "tables": 3, "furniture/tables": 3}
HEADER = "sku,name,description,price,currency,category,attributes,is_active,stock\n"
GOOD = 'OAK-1,Oak chair,Solid oak,120.00,EUR,chairs,"{""color"": ""brown""}",true,5\n'

# Cells where pyarrow, RE2 and Python could read a value differently, or a rule has an edge.
VALUES: dict[str, list[str]] = {
    "sku": ["OAK-1", " OAK-2 ", "oak.3_x", "-bad", "A" * 64, "A" * 65, "", "ÖAK", "'=SKU"],
    "name": [
        "Oak chair",
        " Oak chair ",
        "Chaise été",
        "!!!",
        "'=SUM(A1:A2)",
        "''",
        "'s-Hertogenbosch",
        "x" * 255,
        "x" * 256,
        "",
        "a\tb",
        "\u2003Em space",
        "Über Stuhl",
        "İSTANBUL",
        "a - b . c",
    ],
    "description": ["", "Solid oak", "  ", "x" * 20_001, "'+1", "trailing "],
    "price": ["120.00", "19.9", "0012.50", "1e3", "19.999", "-1", "9999999999.99", "10000000000", "", " 5", "abc"],
    "currency": ["EUR", "eur", "EURO", "", " USD"],
    "category": ["chairs", "furniture/chairs", "/chairs/", "nope", "", " tables", "Chairs"],
    "attributes": [
        "",
        '{"color": "brown"}',
        '{"a":1,"b":"x"}',
        '{"n": 1.10}',
        '{"n": 1.5, "m": -0, "t": true, "f": false, "z": null}',
        '{"n": 1e5}',
        '{"deep": {"a": [1, 2]}}',
        '{"nan": NaN}',
        "[1, 2]",
        '{"s": "\\u0000"}',
        '{"s": "caf\\u00e9"}',
        '{"s": "café"}',
        "{" + ", ".join(f'"k{i}": {i}' for i in range(101)) + "}",
        "{" + ", ".join(f'"k{i}": {i}' for i in range(100)) + "}",
        '{"big": "' + "x" * 17_000 + '"}',
        "not json",
        '{"a": 1,}',
    ],
    "is_active": ["", "true", "FALSE", "Yes", "n", "0", " true", "maybe", "tRuE"],
    "stock": ["", "5", "007", "-1", "abc", "999999999", "2147483648", " 3", "1.5"],
}


def _csv_cell(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n\r') else value


def _row(values: dict[str, str]) -> str:
    return ",".join(_csv_cell(values[column]) for column in HEADER.strip().split(",")) + "\n"


def _normal(outcome: ValidRow | Rejection | dict[str, Any]) -> Any:
    if isinstance(outcome, Rejection):
        return outcome
    row = outcome._asdict() if isinstance(outcome, ValidRow) else dict(outcome)
    row["price"] = Decimal(row["price"]).quantize(Decimal("0.01"))
    # As jsonb stores it: numbers keep their digits and scale (1.10 is not stored as 1.1).
    row["attributes"] = json.loads(row["attributes"], parse_float=lambda text: Decimal(text).as_tuple())
    return tuple(sorted(row.items()))


def _row_by_row(data: bytes) -> tuple[int, list[Any]]:
    validate = make_validator(CATEGORIES)
    outcomes = []
    count = 0
    for record in read_csv(io.BytesIO(data), columns=COLUMNS, required=REQUIRED):
        count += 1
        outcomes.append(_normal(validate(record) if isinstance(record, Record) else record))
    return count, outcomes


def _columnar(data: bytes, batch_lines: int) -> tuple[int, list[Any], int]:
    count = by_column = 0
    outcomes = []
    for batch in read_csv_batches(
        io.BytesIO(data),
        columns=COLUMNS,
        required=REQUIRED,
        categories=CATEGORIES,
        validate=make_validator(CATEGORIES),
        batch_lines=batch_lines,
    ):
        count += batch.rows
        outcomes += [_normal(row) for row in batch.valid] + list(batch.rejections)
        if batch.table is not None:
            by_column += batch.table.num_rows
            outcomes += [_normal(row) for row in batch.table.to_pylist()]
    return count, outcomes, by_column


def _same(data: bytes, batch_lines: int) -> int:
    """Assert both readers agree on ``data``; the number of rows read by column."""
    count, expected = _row_by_row(data)
    columnar_count, outcomes, by_column = _columnar(data, batch_lines)
    assert columnar_count == count

    def line(outcome: Any) -> int:
        return outcome.line if isinstance(outcome, Rejection) else dict(outcome)["line"]

    assert sorted(outcomes, key=line) == sorted(expected, key=line)
    return by_column


@pytest.mark.parametrize("batch_lines", [1, 3, 50, 5000])
def test_every_tricky_value_of_every_column_reads_the_same(batch_lines: int) -> None:
    rows: list[str] = []
    for column, values in VALUES.items():
        for value in values:
            row = {"sku": f"SKU-{len(rows)}", "name": "Oak chair", "description": "", "price": "1.00"}
            row |= {"currency": "EUR", "category": "chairs", "attributes": "", "is_active": "", "stock": ""}
            row[column] = value
            rows.append(_row(row))
    _same((HEADER + "".join(rows)).encode(), batch_lines)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("batch_lines", [2, 7, 40])
def test_random_rows_of_tricky_values_read_the_same(seed: int, batch_lines: int) -> None:
    rnd = random.Random(seed)
    rows = [_row({column: rnd.choice(values) for column, values in VALUES.items()}) for _ in range(120)]
    _same((HEADER + "".join(rows)).encode(), batch_lines)


BROKEN_FILES = {
    "a record over several lines": GOOD + 'OAK-2,"Oak\nchair",,1,EUR,chairs,,,\n' + GOOD.replace("OAK-1", "OAK-3"),
    "a quoted line break across blocks": GOOD + 'OAK-2,"Oak\n\n\nchair",,1,EUR,chairs,,,\n' + GOOD,
    "a quote after a closing quote": GOOD + 'OAK-2,"Oak"x,,1,EUR,chairs,,,\n' + GOOD,
    "an empty quoted field followed by text": GOOD + 'OAK-2,""x,,1,EUR,chairs,,,\n',
    "a comma in quotes, then a closing quote and text": GOOD + 'OAK-2,"a,"x,,1,EUR,chairs,,,\n',
    "a quote inside an unquoted field": GOOD + 'OAK-2,Oak "chair",,1,EUR,chairs,,,\n',
    "blank lines": GOOD + "\n\n" + GOOD.replace("OAK-1", "OAK-2") + "\r\n",
    "a lone carriage return": GOOD + "OAK-2,Oak\rchair,,1,EUR,chairs,,,\n",
    "CRLF line ends": (GOOD + GOOD.replace("OAK-1", "OAK-2")).replace("\n", "\r\n"),
    "too few fields": GOOD + "OAK-2,Oak chair\n" + GOOD,
    "too many fields": GOOD + "OAK-2,Oak chair,,1,EUR,chairs,,,,,\n",
    "no newline at the end": GOOD + GOOD.replace("OAK-1", "OAK-2").rstrip("\n"),
    "a field over the csv module's limit": GOOD + "OAK-2,Oak," + "x" * 140_000 + ",1,EUR,chairs,,,\n",
    "an unterminated quote": GOOD + 'OAK-2,"Oak chair,,1,EUR,chairs,,,\n' + GOOD,
    "a line of one empty quoted field": GOOD + '""\n' + GOOD,
}


@pytest.mark.parametrize("name", sorted(BROKEN_FILES))
@pytest.mark.parametrize("batch_lines", [1, 2, 3, 1000])
def test_files_pyarrow_could_read_otherwise_read_the_same(name: str, batch_lines: int) -> None:
    _same((HEADER + BROKEN_FILES[name]).encode(), batch_lines)


@pytest.mark.parametrize(
    "bad", [b"OAK-2,Oak\x00chair,,1,EUR,chairs,,,\n", b"OAK-2,Oak \xff chair,,1,EUR,chairs,,,\n"], ids=["nul", "utf8"]
)
@pytest.mark.parametrize("batch_lines", [1, 2, 1000])
def test_bad_bytes_read_the_same(bad: bytes, batch_lines: int) -> None:
    _same(HEADER.encode() + GOOD.encode() + bad + GOOD.replace("OAK-1", "OAK-3").encode(), batch_lines)


def test_an_overlong_line_reads_the_same() -> None:
    data = (HEADER + GOOD + "OAK-2," + "x" * (1 << 21) + "\n" + GOOD.replace("OAK-1", "OAK-3")).encode()
    for batch_lines in (1, 2, 1000):
        _same(data, batch_lines)


def test_a_plain_file_is_read_by_column() -> None:
    """The point of it all: rows a program wrote are validated by column, none row by row."""
    rows = "".join(
        f'GEN-{n},Oak chair {n},Solid oak,{n}.50,EUR,furniture/chairs,"{{""n"": {n}, ""c"": ""x""}}",true,{n}\n'
        for n in range(1000)
    )
    assert _same((HEADER + rows).encode(), 300) == 1000
