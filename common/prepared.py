"""Read queries compiled once per process, for the hottest reads.

Building a queryset and compiling it to SQL costs the same on every request, and for a one-row
read by key it costs more CPU than everything else the endpoint does (catalog's product detail:
docs/performance.md, "The ladder"). ``PreparedValuesQuery`` compiles a ``values()`` queryset
once, with stand-ins for its parameters, and then runs the same SQL with the request's values
through the same connection (pool, query metrics and test query counting included), applying
the same field converters the ORM applies (JSON decoding and the like).

Only string parameters compared by exact lookups are supported: the stand-in must reach the
SQL parameters unchanged, which compiling checks.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]
    slots: dict[str, int]  # parameter name -> its position in params
    names: tuple[str, ...]
    converters: tuple[tuple[int, tuple[Any, ...], Any], ...]  # (column, converters, expression)


class PreparedValuesQuery:
    """``build(**params)``, a ``values()`` queryset, compiled on first use and reused.

    ``rows(**params)`` answers what ``list(build(**params))`` would, a dict per row.
    """

    def __init__(self, build: Callable[..., QuerySet[Any, dict[str, Any]]], *params: str) -> None:
        self._build = build
        self._params = params
        self._compiled: dict[str, _Compiled] = {}
        self._lock = threading.Lock()

    def rows(self, *, using: str = DEFAULT_DB_ALIAS, **values: str) -> list[dict[str, Any]]:
        if set(values) != set(self._params) or not all(isinstance(value, str) for value in values.values()):
            raise TypeError(f"expected the string parameters {self._params}, got {sorted(values)}")
        compiled = self._compiled.get(using) or self._compile(using)
        params = list(compiled.params)
        for name, slot in compiled.slots.items():
            params[slot] = values[name]
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = [list(row) for row in cursor.fetchall()]
        for row in rows:
            for column, converters, expression in compiled.converters:
                for converter in converters:
                    row[column] = converter(row[column], expression, connection)
        return [dict(zip(compiled.names, row, strict=True)) for row in rows]

    def _compile(self, using: str) -> _Compiled:
        with self._lock:
            if using in self._compiled:
                return self._compiled[using]
            stand_ins = {name: f"\x00prepared:{name}:{uuid.uuid4().hex}" for name in self._params}
            queryset = self._build(**stand_ins)
            query = queryset.query
            if not query.values_select or query.extra_select or query.annotation_select:
                raise TypeError("PreparedValuesQuery needs a values() queryset of model fields")
            compiler = query.get_compiler(using=using)
            sql, params = compiler.as_sql()
            slots = {}
            for name, stand_in in stand_ins.items():
                positions = [index for index, param in enumerate(params) if param == stand_in]
                if len(positions) != 1 or stand_in in sql:
                    raise TypeError(f"parameter {name} must reach the SQL once, unchanged (an exact lookup)")
                slots[name] = positions[0]
            expressions = [selected[0] for selected in compiler.select[: compiler.col_count]]
            converters = tuple(
                (column, tuple(functions), expression)
                for column, (functions, expression) in compiler.get_converters(expressions).items()
            )
            compiled = _Compiled(
                sql=sql, params=tuple(params), slots=slots, names=tuple(query.values_select), converters=converters
            )
            self._compiled[using] = compiled
            return compiled
