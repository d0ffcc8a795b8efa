"""CSV cells that a spreadsheet will not run (OWASP "CSV Injection"), and back.

A spreadsheet that opens a CSV file takes a cell starting with ``=``, ``+``, ``-`` or ``@`` for
a formula, and some first drop a leading tab or carriage return and then do the same. Text a
customer or an importer typed (an email like ``=HYPERLINK(...)@example.com``, a product name)
would then run on the machine of the staff member who opens the export. Every CSV the services
write goes through this module: ``neutralise`` (Python's csv writer) or ``neutralised`` (CSV
that PostgreSQL writes itself with COPY). Both apply the same rule, ``NEEDS_QUOTE``:

- a text cell starting with a trigger character (``TRIGGERS``) gets a leading single quote,
  which spreadsheets show as text and never evaluate (OWASP's advice);
- so that a file we wrote reads back exactly (catalog's export imports back unchanged), a cell
  that already starts with a quote followed by a trigger or by another quote gets one too.
  ``restore`` removes one leading quote from exactly those cells, so for every string ``v``,
  ``restore(neutralise(v)) == v``, and a cell that does not match is never touched.

Only text is neutralised. Numbers, dates, UUIDs and booleans we render from typed values are
not user text: a negative number such as ``-5`` stays a number (a spreadsheet reads it as
one, and it cannot carry a formula), so ``csv_row`` leaves every non-``str`` value alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

from django.db.models import Case, CharField, F, Value, When
from django.db.models.expressions import Combinable
from django.db.models.functions import Concat
from django.db.models.lookups import Regex

QUOTE: Final = "'"
TRIGGERS: Final = "=+-@\t\r"
# One pattern for both engines: Python's re and PostgreSQL's regular expressions read it the
# same way (the tab and carriage return are the characters themselves, "-" comes last in each
# bracket so it is literal).
_CLASS: Final = "[" + TRIGGERS.replace("-", "") + "-]"
_CLASS_OR_QUOTE: Final = "[" + TRIGGERS.replace("-", "") + QUOTE + "-]"
NEEDS_QUOTE: Final = f"^({_CLASS}|{QUOTE}{_CLASS_OR_QUOTE})"
_NEEDS_QUOTE: Final = re.compile(NEEDS_QUOTE)
# A cell ``neutralise`` quoted: ``restore`` drops its first character. Public for readers that
# restore whole columns at once with another regular-expression engine (RE2 reads it the same).
QUOTED_PATTERN: Final = f"^{QUOTE}({_CLASS_OR_QUOTE})"
_QUOTED: Final = re.compile(QUOTED_PATTERN)


def neutralise(value: str) -> str:
    """``value`` as a CSV cell no spreadsheet evaluates (see the module's rule)."""
    return QUOTE + value if _NEEDS_QUOTE.match(value) else value


def restore(value: str) -> str:
    """The text ``neutralise`` was given: one leading quote less where it added one."""
    return value[1:] if value[:1] == QUOTE and _QUOTED.match(value) else value


def csv_row(values: Iterable[Any]) -> list[Any]:
    """A row for ``csv.writer``: text neutralised, None as an empty cell, other values as they are."""
    return [neutralise(value) if isinstance(value, str) else "" if value is None else value for value in values]


def neutralised(expression: str | Combinable) -> Case:
    """``neutralise`` in SQL, for a text column of CSV that PostgreSQL writes (``COPY ... TO``).

    ``expression`` is a field name or a text expression; NULL stays NULL.
    """
    value = F(expression) if isinstance(expression, str) else expression
    return Case(
        When(Regex(value, NEEDS_QUOTE), then=Concat(Value(QUOTE), value, output_field=CharField())),
        default=value,
        output_field=CharField(),
    )
