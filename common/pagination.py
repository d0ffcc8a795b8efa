import base64
import binascii
import datetime
import json
import math
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import (
    AutoField,
    BooleanField,
    CharField,
    DateTimeField,
    DecimalField,
    Expression,
    F,
    Field,
    FloatField,
    IntegerField,
    QuerySet,
    Value,
)
from django.utils import timezone
from rest_framework import pagination
from rest_framework.exceptions import ErrorDetail, NotFound, ValidationError
from rest_framework.filters import OrderingFilter
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from common import request_limits

# What a page_size may be (documented so): one over a paginator's cap is capped, one over this
# is refused.
PAGE_SIZE_SCHEMA: dict[str, Any] = {"type": "integer", "minimum": 1, "maximum": 999_999}


def page_size(request: Request, param: str, *, default: int, cap: int) -> int:
    """The page size a request asks for: ``default`` when it names none, at most ``cap``.

    Anything but a positive integer is refused (DRF would silently use the default, so a typo
    would go unnoticed).
    """
    raw = request.query_params.get(param)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or len(raw) > 7 or not 1 <= int(raw) <= PAGE_SIZE_SCHEMA["maximum"]:
        raise ValidationError({param: [ErrorDetail("A positive integer is required.", code="invalid")]})
    # Capped rather than refused: asking for more than the cap is not an error, just greedy.
    return min(int(raw), cap)


def page_response(*, next_link: str | None, previous_link: str | None, cursor_param: str, results: Any) -> Response:
    """A page of any list, in the one shape every list answers (``page_schema``)."""
    next_cursor = parse_qs(urlsplit(next_link).query).get(cursor_param, [None])[0] if next_link else None
    return Response({"next": next_link, "next_cursor": next_cursor, "previous": previous_link, "results": results})


def page_schema(results: dict[str, Any], *, cursor_param: str = "cursor") -> dict[str, Any]:
    """The page of every list: every field always there, links null at either end. ``next_cursor``
    spares a client digging the cursor out of ``next`` to pass it as ``cursor`` again."""
    return {
        "type": "object",
        "required": ["next", "next_cursor", "previous", "results"],
        "properties": {
            "next": {
                "type": "string",
                "nullable": True,
                "format": "uri",
                "description": "The next page, or null on the last one.",
            },
            "next_cursor": {
                "type": "string",
                "nullable": True,
                "description": (f"The `{cursor_param}` of the next page (the one in `next`), or null on the last one."),
            },
            "previous": {
                "type": "string",
                "nullable": True,
                "format": "uri",
                "description": "The previous page, or null on the first one.",
            },
            "results": results,
        },
    }


class CursorPagination(pagination.CursorPagination):
    """Keyset pagination for every list: stable under inserts and never a COUNT(*).

    A view names its keyset with ``ordering`` (an indexed, unique or unique-suffixed key), or
    lets an ``OrderingFilter`` choose; otherwise newest first by ``created_at``.
    """

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = "-created_at"

    def get_page_size(self, request: Request) -> int:
        return page_size(request, self.page_size_query_param, default=self.page_size, cap=self.max_page_size)

    def paginate_queryset(self, queryset: QuerySet[Any], request: Request, view: Any = None) -> list[Any] | None:
        # The column a cursor's position is compared with, to check the position against it.
        ordering = self.get_ordering(request, queryset, view)
        self.position_field = KeysetPagination._output_field(queryset, ordering[0].lstrip("-"))
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request: Request) -> pagination.Cursor | None:
        # DRF answers a malformed cursor with a 404; it is a bad parameter, as KeysetPagination says.
        try:
            cursor = super().decode_cursor(request)
        except NotFound:
            raise InvalidCursor from None
        # DRF puts the position into the query as it comes: a position that is no value of the
        # column (not a date, an offset PostgreSQL refuses, a year beyond 9999 in UTC) would be
        # a 500 there.
        field = getattr(self, "position_field", None)
        if cursor is None or cursor.position is None or field is None:
            return cursor
        position = _parse_position(str(cursor.position), field)
        # The stubs type a position as an int; DRF's are text (str() of the column's value).
        return pagination.Cursor(offset=cursor.offset, reverse=cursor.reverse, position=position)  # type: ignore[arg-type]

    def get_paginated_response(self, data: Any) -> Response:
        return page_response(
            next_link=self.get_next_link(),
            previous_link=self.get_previous_link(),
            cursor_param=self.cursor_query_param,
            results=data,
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return page_schema(schema, cursor_param=self.cursor_query_param)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters: list[dict[str, Any]] = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = PAGE_SIZE_SCHEMA
        return parameters

    def get_ordering(self, request: Request, queryset: QuerySet[Any], view: Any) -> tuple[str, ...]:
        uses_ordering_filter = any(issubclass(backend, OrderingFilter) for backend in view.filter_backends)
        view_ordering = getattr(view, "ordering", None)
        if view_ordering and not uses_ordering_filter:
            return (view_ordering,) if isinstance(view_ordering, str) else tuple(view_ordering)
        return super().get_ordering(request, queryset, view)


# --- Keyset pagination over any ordering ------------------------------------------------------


@dataclass(frozen=True)
class Keyset:
    """An ordering keyset pagination can seek on.

    ``columns`` are model fields or annotations of the queryset that, taken together, are unique
    (end with the primary key), all sorted in one direction, so that a page boundary is the row
    value ``(c1, c2, ...)`` and the next page is ``(c1, c2, ...) > (v1, v2, ...)``: one index
    range scan, whatever the page. ``name`` is the public name of the ordering; a cursor made
    under one ordering is refused under another.
    """

    name: str
    columns: tuple[str, ...]
    descending: bool = False


class RowCompare(Expression):
    """The SQL row-value comparison ``(a, b, ...) <op> (x, y, ...)``, usable in ``filter()``.

    PostgreSQL compares row values lexicographically and matches them against a composite
    b-tree index, which a chain of ``a > x OR (a = x AND b > y)`` does not reliably do.
    """

    conditional = True
    output_field = BooleanField()

    def __init__(self, lhs: Sequence[Any], rhs: Sequence[Any], operator: str) -> None:
        if operator not in {"<", ">"} or len(lhs) != len(rhs) or not lhs:
            raise ValueError("RowCompare needs equally long, non-empty sides and < or >")
        super().__init__(output_field=BooleanField())
        self.lhs = list(lhs)
        self.rhs = list(rhs)
        self.operator = operator

    def get_source_expressions(self) -> list[Any]:
        return [*self.lhs, *self.rhs]

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        half = len(exprs) // 2
        self.lhs, self.rhs = list(exprs[:half]), list(exprs[half:])

    def as_sql(self, compiler: Any, connection: Any, **extra_context: Any) -> tuple[str, list[Any]]:
        sides: list[str] = []
        params: list[Any] = []
        for side in (self.lhs, self.rhs):
            parts = []
            for expression in side:
                sql, part_params = compiler.compile(expression)
                parts.append(sql)
                params.extend(part_params)
            sides.append(f"({', '.join(parts)})")
        return f"{sides[0]} {self.operator} {sides[1]}", params


def _parse_position(value: str, field: Field[Any, Any]) -> str:
    """A DRF cursor's position (always text) as the column's type, in the form DRF writes it."""
    if isinstance(field, IntegerField | AutoField):
        if not re.fullmatch(r"-?[0-9]{1,19}", value) or abs(int(value)) >= 2**63:
            raise InvalidCursor
        return value
    return str(KeysetPagination._parse_value(value, field))


class InvalidCursor(ValidationError):
    def __init__(self, detail: str = "Invalid cursor.") -> None:
        super().__init__({"cursor": [ErrorDetail(detail, code="invalid_cursor")]})


class KeysetPagination(BasePagination):
    """Keyset (seek) pagination with an opaque cursor over any ``Keyset``, without COUNT(*).

    Unlike DRF's CursorPagination, which seeks on one column and skips ties by offset, this
    seeks on a row value of several columns (``(price, id) > (%s, %s)``), so it works for any
    ordering whose last column is unique, including computed ones such as a search rank.

    The cursor is base64url JSON: the ordering's name, the direction (``n`` next, ``p``
    previous) and the boundary row's values. It is opaque to clients and validated on the way
    in, so a tampered cursor is a 400, never a query error. Filters are not in the cursor: the
    ``next``/``previous`` links repeat the request's query string, and a boundary stays valid
    whatever the filters are.

    Views call ``paginate(queryset, request, keyset=...)`` with the keyset their selector chose,
    then ``get_paginated_response(data)``.
    """

    page_size = 50
    max_page_size = 200
    page_size_query_param = "page_size"
    cursor_query_param = "cursor"
    max_cursor_length = 2048

    def __init__(self) -> None:
        self.base_url = ""
        self.next_cursor: str | None = None
        self.previous_cursor: str | None = None

    def paginate_queryset(self, queryset: QuerySet[Any], request: Request, view: Any = None) -> list[Any] | None:
        raise NotImplementedError("Keyset pagination needs the keyset: call paginate(queryset, request, keyset=...).")

    def paginate(self, queryset: QuerySet[Any], request: Request, *, keyset: Keyset) -> list[Any]:
        page_size = self.get_page_size(request)
        self.base_url = request.build_absolute_uri()
        fields = [self._output_field(queryset, column) for column in keyset.columns]
        direction, boundary = self.decode_cursor(request, keyset, fields)

        backwards = direction == "p"
        # Walking backwards is walking forwards in the reversed order, then flipping the page.
        descending = keyset.descending != backwards
        if boundary is not None:
            values = [Value(value, output_field=field) for value, field in zip(boundary, fields, strict=True)]
            columns = [F(column) for column in keyset.columns]
            queryset = queryset.filter(RowCompare(columns, values, "<" if descending else ">"))
        order = [F(column).desc() if descending else F(column).asc() for column in keyset.columns]
        # One row more than the page tells whether there is a further page, without a COUNT.
        rows = list(queryset.order_by(*order)[: page_size + 1])
        has_more = len(rows) > page_size
        rows = rows[:page_size]
        if backwards:
            rows.reverse()

        # A page is bounded by its first and last rows. An empty page (the rows after a cursor
        # were deleted meanwhile) gets no links: the client starts again from the top.
        if not rows:
            self.next_cursor = self.previous_cursor = None
            return rows
        first, last = self._position(rows[0], keyset), self._position(rows[-1], keyset)
        if backwards:
            self.previous_cursor = self.encode_cursor(keyset, "p", first) if has_more else None
            self.next_cursor = self.encode_cursor(keyset, "n", last)  # where we came back from
        else:
            self.next_cursor = self.encode_cursor(keyset, "n", last) if has_more else None
            self.previous_cursor = self.encode_cursor(keyset, "p", first) if boundary is not None else None
        return rows

    def get_page_size(self, request: Request) -> int:
        return page_size(request, self.page_size_query_param, default=self.page_size, cap=self.max_page_size)

    # --- cursors ---------------------------------------------------------------------------
    def encode_cursor(self, keyset: Keyset, direction: str, values: Sequence[Any]) -> str:
        payload = {"o": keyset.name, "d": direction, "v": [self._json_value(value) for value in values]}
        token = base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")
        return replace_query_param(self.base_url, self.cursor_query_param, token)

    def decode_cursor(
        self, request: Request, keyset: Keyset, fields: Sequence[Field[Any, Any]]
    ) -> tuple[str, list[Any] | None]:
        token = request.query_params.get(self.cursor_query_param)
        if token is None:
            return "n", None
        if len(token) > self.max_cursor_length:
            raise InvalidCursor
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            # A cursor is an object holding a list: 2 levels. Deeper is not ours (and Python's
            # json would recurse into a RecursionError at about a thousand).
            payload = request_limits.loads(raw, max_depth=2)
        except (ValueError, TypeError, binascii.Error):
            raise InvalidCursor from None
        if not isinstance(payload, dict) or set(payload) != {"o", "d", "v"}:
            raise InvalidCursor
        if payload["o"] != keyset.name:
            raise InvalidCursor("This cursor belongs to another ordering.")
        values = payload["v"]
        if payload["d"] not in {"n", "p"} or not isinstance(values, list) or len(values) != len(fields):
            raise InvalidCursor
        return payload["d"], [self._parse_value(value, field) for value, field in zip(values, fields, strict=True)]

    @staticmethod
    def _output_field(queryset: QuerySet[Any], column: str) -> Field[Any, Any]:
        annotation = queryset.query.annotations.get(column)
        if annotation is not None:
            field: Field[Any, Any] = annotation.output_field
            return field
        field = queryset.model._meta.get_field(column)
        if not isinstance(field, Field):
            raise TypeError(f"{column} is a relation, not a column")
        return field

    @staticmethod
    def _position(row: Any, keyset: Keyset) -> list[Any]:
        if isinstance(row, dict):
            return [row[column] for column in keyset.columns]
        return [getattr(row, column) for column in keyset.columns]

    @staticmethod
    def _json_value(value: Any) -> Any:
        if isinstance(value, datetime.datetime):
            return value.isoformat()
        if isinstance(value, Decimal | uuid.UUID):
            return str(value)
        return value

    @staticmethod
    def _parse_value(value: Any, field: Field[Any, Any]) -> Any:
        """The cursor value as the column's type, or InvalidCursor: it reaches SQL only if sound."""
        try:
            if isinstance(field, FloatField):
                if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                    raise InvalidCursor
                return float(value)
            if isinstance(field, IntegerField | AutoField):
                if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= 2**63:
                    raise InvalidCursor
                return value
            if not isinstance(value, str) or len(value) > 1000 or "\x00" in value:
                raise InvalidCursor
            parsed = field.to_python(value)
            if isinstance(field, DateTimeField):
                if parsed is None or timezone.is_naive(parsed):
                    raise InvalidCursor
                # In UTC: PostgreSQL refuses an offset beyond 15:59 that ISO 8601 allows, and an
                # instant at either end of the calendar may not be one in UTC (OverflowError).
                parsed = parsed.astimezone(datetime.UTC)
            if isinstance(field, DecimalField):
                field.run_validators(parsed)
            if isinstance(field, CharField) and field.max_length is not None and len(value) > field.max_length:
                raise InvalidCursor
            return parsed
        except (DjangoValidationError, OverflowError):
            raise InvalidCursor from None

    # --- responses and schema -------------------------------------------------------------
    def get_paginated_response(self, data: Any) -> Response:
        return page_response(
            next_link=self.next_cursor,
            previous_link=self.previous_cursor,
            cursor_param=self.cursor_query_param,
            results=data,
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return page_schema(schema, cursor_param=self.cursor_query_param)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": (
                    "An opaque cursor from a `next` or `previous` link; keep the other parameters as they were."
                ),
                "schema": {"type": "string", "maxLength": self.max_cursor_length},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows per page (default {self.page_size}; more than {self.max_page_size} is capped).",
                "schema": PAGE_SIZE_SCHEMA,
            },
        ]
