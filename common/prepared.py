"""Read queries compiled once per process, for the hottest reads.

Building a queryset and compiling it to SQL costs the same on every request, and for a one-row
read by key it costs more CPU than everything else the endpoint does (catalog's product detail:
docs/performance.md, "The ladder"). ``PreparedValuesQuery`` compiles a ``values()`` queryset
once, with stand-ins for its parameters, and then runs the same SQL with the request's values
through the same connection (pool, query metrics and test query counting included), applying
the same field converters the ORM applies (JSON decoding and the like).

Only string and UUID parameters compared by exact lookups are supported: the stand-in must
reach the SQL parameters unchanged, which compiling checks.

The hot writes of the order placement saga (``insert_objects``, ``update_fields``, below) are
written once per model the same way, and ``write_together`` runs several of them as one
statement.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, router
from django.db.models import Model, QuerySet, signals


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]
    slots: dict[str, int]  # parameter name -> its position in params
    names: tuple[str, ...]
    converters: tuple[tuple[int, tuple[Any, ...], Any], ...]  # (column, converters, expression)


class PreparedValuesQuery:
    """``build(**params)``, a ``values()`` queryset, compiled on first use and reused.

    ``rows(**params)`` answers what ``list(build(**params))`` would, a dict per row. The
    parameters are strings, except those named in ``uuid_params``, which are UUIDs.
    """

    def __init__(
        self, build: Callable[..., QuerySet[Any, dict[str, Any]]], *params: str, uuid_params: tuple[str, ...] = ()
    ) -> None:
        self._build = build
        self._params = params + uuid_params
        self._uuid_params = frozenset(uuid_params)
        self._compiled: dict[str, _Compiled] = {}
        self._lock = threading.Lock()

    def rows(self, *, using: str = DEFAULT_DB_ALIAS, **values: str | uuid.UUID) -> list[dict[str, Any]]:
        if set(values) != set(self._params) or not all(
            isinstance(value, uuid.UUID if name in self._uuid_params else str) for name, value in values.items()
        ):
            raise TypeError(f"expected the parameters {self._params}, got {sorted(values)}")
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
            stand_ins: dict[str, str | uuid.UUID] = {
                name: uuid.uuid4() if name in self._uuid_params else f"\x00prepared:{name}:{uuid.uuid4().hex}"
                for name in self._params
            }
            queryset = self._build(**stand_ins)
            query = queryset.query
            if not query.values_select or query.extra_select or query.annotation_select:
                raise TypeError("PreparedValuesQuery needs a values() queryset of model fields")
            compiler = query.get_compiler(using=using)
            sql, params = compiler.as_sql()
            slots = {}
            for name, stand_in in stand_ins.items():
                positions = [index for index, param in enumerate(params) if param == stand_in]
                if len(positions) != 1 or str(stand_in) in sql:
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


# --- writes -------------------------------------------------------------------------------------
#
# ``Model.save()``/``create()``/``bulk_create()`` and ``save(update_fields=...)`` build an
# InsertQuery or UpdateQuery and compile it on every call; on the order placement path that
# building was the largest share of orders' and catalog's own CPU (docs/performance.md, "The
# saga's fourth pass"). The statements below are written once per model (and field list) from
# the model's own metadata, and every value goes through the field exactly as the ORM sends it
# (``pre_save``, so ``auto_now`` and defaults behave the same, then ``get_db_prep_save``, so
# JSON, decimals and UUIDs are adapted the same). They run through the same connection (pool,
# query metrics and test query counting included), one statement per call as the ORM's, or
# several as one statement (``write_together``: one round trip where the ORM makes one each).
#
# What they do not do, and the ORM would: send ``pre_save``/``post_save`` signals. A model that
# has a receiver for either is refused (``TypeError``), so adding one later cannot be skipped
# silently. Nor do they compile expressions: a value that is one (``F()``, a database default
# left to the database) is refused, and so is a model with a parent table.


@dataclass(frozen=True)
class _InsertPlan:
    table: str
    columns: str
    fields: tuple[Any, ...]  # the concrete fields written, the auto primary key left out
    returning: Any  # the auto primary key, set from RETURNING; None when the pk is the model's own


_insert_plans: dict[type[Model], _InsertPlan] = {}
_update_sql: dict[tuple[type[Model], tuple[str, ...]], tuple[str, tuple[Any, ...]]] = {}


def _refuse_unsupported(model: type[Model]) -> None:
    meta = model._meta
    if meta.parents:
        raise TypeError(f"{meta.label}: a model with a parent table is not supported")


def _db_value(field: Any, obj: Model, *, add: bool, connection: Any) -> Any:
    value = field.pre_save(obj, add)
    if hasattr(value, "resolve_expression"):
        raise TypeError(f"{field}: an expression ({value!r}) needs the ORM")
    return field.get_db_prep_save(value, connection)


def _refuse_receivers(model: type[Model]) -> None:
    if signals.pre_save.has_listeners(model) or signals.post_save.has_listeners(model):
        raise TypeError(f"{model._meta.label} has pre_save/post_save receivers: use the ORM")


def _insert_plan(model: type[Model], connection: Any) -> _InsertPlan:
    plan = _insert_plans.get(model)
    if plan is None:
        _refuse_unsupported(model)
        meta = model._meta
        auto = meta.auto_field
        fields = tuple(field for field in meta.concrete_fields if field is not auto)
        quote = connection.ops.quote_name
        plan = _InsertPlan(
            table=quote(meta.db_table),
            columns=", ".join(quote(field.column) for field in fields),
            fields=fields,
            returning=auto,
        )
        _insert_plans[model] = plan
    return plan


@dataclass(frozen=True)
class Write:
    """One data-modifying statement, to be run alone or with others by ``write_together``.

    ``sql`` is an ``INSERT``/``UPDATE``/``DELETE`` on the database ``using``; with
    ``returning`` it ends in a ``RETURNING`` of one column. ``done`` runs once the statement
    has, with that column's values (the keys to set, the rows to count; none without
    ``returning``)."""

    sql: str
    params: list[Any]
    using: str
    returning: bool = False
    done: Callable[[list[Any]], None] | None = None


def write_together(*writes: Write) -> None:
    """Run ``writes`` as one statement: one alone, several as one data-modifying ``WITH`` (one
    round trip instead of one per write), then give each its returned values.

    The writes of one ``WITH`` run on one snapshot and none sees another's rows, so they must
    touch different rows (PostgreSQL leaves two changes of one row unpredictable); a row may
    reference a row another of them inserts (foreign keys are checked once the statement has
    run, or at commit)."""
    if not writes:
        return
    using = writes[0].using
    if any(write.using != using for write in writes):
        raise TypeError("write_together writes to one database")
    returning = any(write.returning for write in writes)
    params: list[Any] = []
    if len(writes) == 1:
        sql = writes[0].sql
        params = writes[0].params
    else:
        # Each write's returned column as one array, in RETURNING's order; a WITH needs a SELECT.
        ctes = []
        arrays = []
        for index, write in enumerate(writes):
            ctes.append(f"w{index} AS ({write.sql})")
            params += write.params
            if write.returning:
                arrays.append(f"ARRAY(SELECT * FROM w{index})")  # noqa: S608
        sql = f"WITH {', '.join(ctes)} SELECT {', '.join(arrays) or 'NULL'}"
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        fetched = cursor.fetchall() if returning else []
    if not returning:
        columns = []
    elif len(writes) == 1:
        columns = [[row[0] for row in fetched]]
    else:
        columns = [list(array) for array in fetched[0]]
    returned = iter(columns)
    for write in writes:
        values = next(returned) if write.returning else []
        if write.done is not None:
            write.done(values)


def insert_objects(*groups: Sequence[Model]) -> None:
    """INSERT unsaved instances in one statement, as ``bulk_create`` would on PostgreSQL: an
    auto primary key is set on each from ``RETURNING`` (the rows come back in the order of the
    ``VALUES``, which ``bulk_create`` relies on too), and each is marked saved. One instance is
    ``Model.objects.create``'s INSERT.

    Each group holds instances of one model. Several groups are written by one statement, an
    INSERT per group in a ``WITH`` (``write_together``): a row may reference a row of another
    group. No signals are sent (see above)."""
    write_together(*(insert_write(group) for group in groups if group))


def insert_write(group: Sequence[Model]) -> Write:
    """``insert_objects``' INSERT of one group of instances of one model, for ``write_together``:
    the instances are marked saved (and their auto primary keys set) once it has run."""
    if not group:
        raise TypeError("insert_write takes at least one instance")
    model = type(group[0])
    if any(type(obj) is not model for obj in group):
        raise TypeError("insert_objects takes a group of instances of one model")
    alias = router.db_for_write(model)
    connection = connections[alias]
    _refuse_receivers(model)
    plan = _insert_plan(model, connection)
    if plan.returning is not None and any(obj.pk is not None for obj in group):
        raise TypeError(f"{model._meta.label}: the auto primary key is set by the database")
    params: list[Any] = []
    for obj in group:
        params += [_db_value(field, obj, add=True, connection=connection) for field in plan.fields]
    row = "(" + ", ".join(["%s"] * len(plan.fields)) + ")"
    statement = f"INSERT INTO {plan.table} ({plan.columns}) VALUES " + ", ".join([row] * len(group))  # noqa: S608
    if plan.returning is not None:
        statement += f" RETURNING {connection.ops.quote_name(plan.returning.column)}"

    def saved(keys: list[Any] | None = None) -> None:
        for position, obj in enumerate(group):
            if keys is not None:
                setattr(obj, plan.returning.attname, keys[position])
            obj._state.adding = False
            obj._state.db = alias

    if plan.returning is not None:
        return Write(statement, params, alias, returning=True, done=saved)
    return Write(statement, params, alias, done=lambda _: saved())


def update_fields(obj: Model, fields: Sequence[str]) -> None:
    """``obj.save(update_fields=fields)`` for a saved instance, with the statement written once
    per model and field list: the same ``pre_save`` (``auto_now`` fields among ``fields`` get
    the time now), the same values, the same ``DatabaseError`` when no row was updated. No
    signals are sent (see above)."""
    write_together(update_write(obj, fields))


def update_write(obj: Model, fields: Sequence[str]) -> Write:
    """``update_fields``' UPDATE, for ``write_together``. The values are taken now (``pre_save``
    runs here, so ``auto_now`` fields are set on ``obj`` before the statement runs); once it
    has run, no row updated raises ``DatabaseError``, as ``save(update_fields=...)`` does."""
    model = type(obj)
    _refuse_receivers(model)
    alias = router.db_for_write(model)
    connection = connections[alias]
    names = tuple(fields)
    planned = _update_sql.get((model, names))
    if planned is None:
        _refuse_unsupported(model)
        meta = model._meta
        concrete = {field.name: field for field in meta.concrete_fields if not field.primary_key}
        if any(name not in concrete for name in names) or len(set(names)) != len(names):
            raise TypeError(f"{meta.label}: update_fields takes distinct non-key concrete fields, got {names}")
        chosen = tuple(concrete[name] for name in names)
        quote = connection.ops.quote_name
        assignments = ", ".join(f"{quote(field.column)} = %s" for field in chosen)
        sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s RETURNING 1"  # noqa: S608
        planned = _update_sql[(model, names)] = (sql, chosen)
    sql, chosen = planned
    params = [_db_value(field, obj, add=False, connection=connection) for field in chosen]
    params.append(obj._meta.pk.get_db_prep_value(obj.pk, connection))

    def updated(rows: list[Any]) -> None:
        if len(rows) != 1:
            raise DatabaseError("Save with update_fields did not affect any rows.")
        obj._state.db = alias

    return Write(sql, params, alias, returning=True, done=updated)
