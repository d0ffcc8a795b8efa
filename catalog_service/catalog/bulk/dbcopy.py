"""COPY through Django's connection, visible like any other query.

Django's cursor wrapper has no ``copy()``; the psycopg cursor underneath does, but a COPY run
there would be missing from Django's query log, and with it from query-count assertions and
debugging tools. ``copy`` runs it there and logs it as Django logs its own queries.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import Any

from django.db.backends.utils import CursorWrapper
from psycopg import Copy


@contextlib.contextmanager
def copy(cursor: CursorWrapper, statement: str, params: Any = None) -> Iterator[Copy]:
    started = time.monotonic()
    try:
        with cursor.cursor.copy(statement, params) as operation:
            yield operation
    finally:
        # The connection the cursor belongs to: an export may read from a replica.
        if cursor.db.queries_logged:
            cursor.db.queries_log.append({"sql": statement, "time": f"{time.monotonic() - started:.3f}"})
