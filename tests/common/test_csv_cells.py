"""CSV cells a spreadsheet would run are neutralised, and read back exactly (common.csv_cells)."""

from __future__ import annotations

import csv
import datetime
import io
import itertools
import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import TextField, Value
from django.db.models.sql import Query

from common.csv_cells import TRIGGERS, csv_row, neutralise, neutralised, restore

# Every string of up to three characters over the interesting alphabet, plus longer ones.
_ALPHABET = [*TRIGGERS, "'", "a", " ", "1", '"', ","]
SAMPLES = ["".join(chars) for length in range(4) for chars in itertools.product(_ALPHABET, repeat=length)] + [
    '=HYPERLINK("http://evil.example","click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
    "''=twice",
    "'s-Hertogenbosch",
    "it's fine",
    "",
]


@pytest.mark.parametrize("trigger", list(TRIGGERS))
def test_a_cell_starting_with_a_trigger_gets_a_leading_quote(trigger: str) -> None:
    assert neutralise(f"{trigger}1+1") == f"'{trigger}1+1"
    assert restore(f"'{trigger}1+1") == f"{trigger}1+1"


def test_other_cells_are_left_alone() -> None:
    for value in ["Red shoe", "a=b", "x-1", "mail@example.com", "'s-Hertogenbosch", "'", "' =1", " =1"]:
        assert neutralise(value) == value
        assert restore(value) == value


def test_a_value_that_really_starts_with_a_quote_and_a_trigger_round_trips() -> None:
    assert neutralise("'=1+1") == "''=1+1"
    assert restore("''=1+1") == "'=1+1"
    assert neutralise("''") == "'''"
    assert restore("'''") == "''"


def test_restore_undoes_neutralise_for_every_value() -> None:
    for value in SAMPLES:
        cell = neutralise(value)
        assert restore(cell) == value, repr(value)
        # What a spreadsheet sees never starts with a trigger.
        assert cell[:1] not in TRIGGERS or cell == "", repr(value)


def test_csv_row_neutralises_text_only() -> None:
    when = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    ident = uuid.uuid4()
    row = csv_row(["=1+1", -5, Decimal("-5.00"), None, when, ident, "plain"])
    assert row == ["'=1+1", -5, Decimal("-5.00"), "", when, ident, "plain"]
    out = io.StringIO()
    csv.writer(out).writerow(row)
    assert out.getvalue().startswith("'=1+1,-5,-5.00,,2026-01-02")


@pytest.mark.django_db
def test_the_sql_expression_agrees_with_python() -> None:
    """catalog's export neutralises in PostgreSQL: the same rule, character for character."""
    query = Query(None)
    compiler = query.get_compiler(connection=connection)
    values = [*SAMPLES, None]
    results: list[str | None] = []
    with connection.cursor() as cursor:
        for start in range(0, len(values), 500):  # a select list holds at most 1664 columns
            selects, params = [], []
            for value in values[start : start + 500]:
                expression = neutralised(Value(value, output_field=TextField())).resolve_expression(query)
                sql, value_params = compiler.compile(expression)
                selects.append(sql)
                params.extend(value_params)
            cursor.execute(f"SELECT {', '.join(selects)}", params)
            row = cursor.fetchone()
            assert row is not None
            results.extend(row)
    assert results == [None if value is None else neutralise(value) for value in values]
