"""Validating import records: every field of every record, every problem reported.

The rules are the product API's (api/serializers) and the database's constraints, so a row
that passes here is one the database accepts: a bad value is reported against its line
instead of failing the COPY (and with it the whole batch).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Final, NamedTuple

from django.utils.text import slugify

from catalog_service.catalog.bulk.readers import ErrorCode, Record, Rejection, RowError, loads_strict_json
from catalog_service.catalog.models import PRICE_DECIMAL_PLACES, PRICE_MAX_DIGITS, SKU_MAX_LENGTH, SKU_PATTERN

COLUMNS: Final = frozenset(
    {"sku", "name", "description", "price", "currency", "category", "attributes", "is_active", "stock"}
)
REQUIRED: Final = frozenset({"sku", "name", "price", "currency", "category"})

# The product API's limits (ProductUpdateSerializer, AttributesField), so that an imported
# product is one the API could have written; tests/catalog/test_imports.py checks they agree.
NAME_MAX_LENGTH: Final = 255
SLUG_MAX_LENGTH: Final = 255
DESCRIPTION_MAX_LENGTH: Final = 20_000
ATTRIBUTES_MAX_KEYS: Final = 100
ATTRIBUTES_MAX_BYTES: Final = 16_384
ATTRIBUTES_MAX_DEPTH: Final = 5
CATEGORY_MAX_LENGTH: Final = 1_000
STOCK_MAX: Final = 2_147_483_647  # the column is a 32-bit integer
PRICE_MAX: Final = Decimal(10) ** (PRICE_MAX_DIGITS - PRICE_DECIMAL_PLACES)
_CENT: Final = Decimal(1).scaleb(-PRICE_DECIMAL_PLACES)
_SKU: Final = re.compile(SKU_PATTERN)
_CURRENCY: Final = re.compile(r"[A-Z]{3}")
# Lone surrogates (from JSON escapes like "\ud800") cannot be encoded for the database.
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
TRUE_WORDS: Final = frozenset({"", "true", "t", "yes", "y", "1"})
FALSE_WORDS: Final = frozenset({"false", "f", "no", "n", "0"})


class ValidRow(NamedTuple):
    """A row ready for COPY, in the staging table's column order (see ``loader``)."""

    line: int
    sku: str
    name: str
    slug: str
    description: str
    category_id: int
    price: Decimal
    currency: str
    attributes: str  # JSON text; the staging column is jsonb
    is_active: bool
    on_hand: int | None  # None: leave the stock of an existing product as it is


class _Invalid(Exception):
    """A field's value is refused; raised by the parsers below, recorded by ``_Problems``."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _not_a_number() -> _Invalid:
    return _Invalid(ErrorCode.INVALID, "Must be a decimal number.")


def _not_a_whole_number() -> _Invalid:
    return _Invalid(ErrorCode.INVALID, "Must be a whole number.")


def _negative() -> _Invalid:
    return _Invalid(ErrorCode.MIN_VALUE, "Must be greater than or equal to 0.")


def _not_an_object() -> _Invalid:
    return _Invalid(ErrorCode.INVALID, "Must be a JSON object.")


class _Problems:
    """Collects the errors of one record."""

    __slots__ = ("errors", "line")

    def __init__(self, line: int) -> None:
        self.line = line
        self.errors: list[RowError] = []

    def add(self, field: str, code: ErrorCode, message: str) -> None:
        self.errors.append(RowError(line=self.line, field=field, code=code, message=message))

    def parse(self, field: str, parser: Callable[[Any], object], value: Any) -> None:
        try:
            parser(value)
        except _Invalid as invalid:
            self.add(field, invalid.code, invalid.message)


def _text(value: Any, *, max_length: int, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise _Invalid(ErrorCode.INVALID, "Must be a string.")
    text = value.strip()
    if not text:
        if required:
            raise _Invalid(ErrorCode.REQUIRED, "This field is required.")
        return ""
    if not text.isascii() and _SURROGATE.search(text):
        raise _Invalid(ErrorCode.INVALID_ENCODING, "The value is not valid Unicode text.")
    if "\x00" in text:
        raise _Invalid(ErrorCode.NULL_CHARACTER, "NUL characters are not allowed.")
    if len(text) > max_length:
        raise _Invalid(ErrorCode.MAX_LENGTH, f"Ensure this field has no more than {max_length} characters.")
    return text


def _price(value: Any) -> Decimal:
    if value is None or value == "":
        raise _Invalid(ErrorCode.REQUIRED, "This field is required.")
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _not_a_number()
    if isinstance(value, float):
        value = repr(value)  # the shortest exact form of the JSON number: "19.99"
    # A price is a few characters; a long string is not one, and Decimal need not parse it.
    if isinstance(value, str) and len(value := value.strip()) > 40:
        raise _not_a_number()
    try:
        price = Decimal(value)
    except (InvalidOperation, ValueError):
        raise _not_a_number() from None
    if not price.is_finite():
        raise _not_a_number()
    if price < 0:
        raise _negative()
    if price >= PRICE_MAX:
        raise _Invalid(ErrorCode.MAX_VALUE, f"Must be less than {PRICE_MAX}.")
    quantized = price.quantize(_CENT)
    if quantized != price:
        raise _Invalid(
            ErrorCode.MAX_DECIMAL_PLACES, f"Ensure there are no more than {PRICE_DECIMAL_PLACES} decimal places."
        )
    return quantized


def _attributes(value: Any) -> str:
    if value is None or value == "":
        return "{}"
    if isinstance(value, str):  # CSV: JSON text in the cell
        if len(value) > ATTRIBUTES_MAX_BYTES:
            raise _too_large_attributes()
        try:
            value = loads_strict_json(value)
        except (ValueError, RecursionError):
            raise _not_an_object() from None
    if not isinstance(value, dict):
        raise _not_an_object()
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # The walk over the value is needed only when the text hints at a problem: a NUL (written
    # as \u0000), a lone surrogate (only in non-ASCII text) or more brackets than the depth
    # allowed. Most rows have none of these, and skip it.
    brackets = text.count("{") + text.count("[")
    if brackets > ATTRIBUTES_MAX_DEPTH or "\\u0000" in text or not text.isascii():
        _check_json(value)
    # The API counts the bytes of json.dumps' default form (ASCII-escaped, a space after ":"
    # and ","). For ASCII text this bound is at least that (":" and "," inside strings count
    # too); only past the limit is the exact size computed.
    size = len(text) + text.count(":") + text.count(",") if text.isascii() else ATTRIBUTES_MAX_BYTES + 1
    if size > ATTRIBUTES_MAX_BYTES:
        size = len(json.dumps(value).encode())
    if len(value) > ATTRIBUTES_MAX_KEYS or size > ATTRIBUTES_MAX_BYTES:
        raise _too_large_attributes()
    return text


def _too_large_attributes() -> _Invalid:
    return _Invalid(
        ErrorCode.MAX_LENGTH, f"At most {ATTRIBUTES_MAX_KEYS} keys and {ATTRIBUTES_MAX_BYTES} bytes of JSON."
    )


def _check_json(value: dict[str, Any]) -> None:
    """Refuse what PostgreSQL's jsonb refuses (a NUL, a lone surrogate) and deep nesting."""
    pending: list[tuple[Any, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            if depth > ATTRIBUTES_MAX_DEPTH:
                raise _Invalid(ErrorCode.INVALID, f"Attributes may nest at most {ATTRIBUTES_MAX_DEPTH} levels.")
            children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
        elif isinstance(item, str):
            if "\x00" in item:
                raise _Invalid(ErrorCode.NULL_CHARACTER, "NUL characters are not allowed.")
            if not item.isascii() and _SURROGATE.search(item):
                raise _Invalid(ErrorCode.INVALID_ENCODING, "The value is not valid Unicode text.")


def _is_active(value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return value is not False
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in TRUE_WORDS or lowered in FALSE_WORDS:
            return lowered in TRUE_WORDS
    raise _Invalid(ErrorCode.INVALID, "Must be a boolean (true/false).")


def _stock(value: Any) -> int | None:
    if isinstance(value, str):
        value = value.strip()
        if value.startswith("-") and value[1:].isdigit():
            raise _negative()
        if value and not (value.isascii() and value.isdigit() and len(value) <= 10):
            raise _not_a_whole_number()
        value = int(value) if value else None
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _not_a_whole_number()
    if value < 0:
        raise _negative()
    if value > STOCK_MAX:
        raise _Invalid(ErrorCode.MAX_VALUE, f"Must be at most {STOCK_MAX}.")
    return int(value)


def _sku(value: Any) -> str:
    sku = _text(value, max_length=SKU_MAX_LENGTH, required=True)
    if not _SKU.match(sku):
        raise _Invalid(ErrorCode.INVALID, "Use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.")
    return sku


def _currency(value: Any) -> str:
    currency = _text(value, max_length=3, required=True)
    if not _CURRENCY.fullmatch(currency):
        raise _Invalid(ErrorCode.INVALID, "Must be an ISO 4217 code: three upper-case letters.")
    return currency


def product_slug(name: str, sku: str) -> str:
    """The product's URL slug: from its name, or its SKU when the name has no slug characters
    (the rule of the product service)."""
    return (_slugify(name) or _slugify(sku) or "product")[:SLUG_MAX_LENGTH]


_NOT_SLUG: Final = re.compile(r"[^\w\s-]")
_SLUG_GAPS: Final = re.compile(r"[-\s]+")


def _slugify(value: str) -> str:
    """Django's slugify, with a shortcut for ASCII text (most names), where its Unicode
    normalisation changes nothing: the same result, in half the time."""
    if not value.isascii():
        return slugify(value)
    return _SLUG_GAPS.sub("-", _NOT_SLUG.sub("", value.lower())).strip("-_")


def make_validator(categories: Mapping[str, int]) -> Callable[[Record], ValidRow | Rejection]:
    """A validator resolving categories in ``categories`` (slug or slug path -> id)."""

    def category(value: Any) -> int:
        reference = _text(value, max_length=CATEGORY_MAX_LENGTH, required=True)
        category_id = categories.get(reference.strip("/"))
        if category_id is None:
            raise _Invalid(ErrorCode.UNKNOWN_CATEGORY, f"No category has the slug or path {reference!r}.")
        return category_id

    def validate(record: Record) -> ValidRow | Rejection:
        values = record.values
        get = values.get
        # Fast path, for the rows that are fine: parse every field, stop at the first problem.
        try:
            sku = _sku(get("sku"))
            name = _text(get("name"), max_length=NAME_MAX_LENGTH, required=True)
            description = _text(get("description"), max_length=DESCRIPTION_MAX_LENGTH)
            price = _price(get("price"))
            currency = _currency(get("currency"))
            category_id = category(get("category"))
            attributes = _attributes(get("attributes"))
            is_active = _is_active(get("is_active"))
            on_hand = _stock(get("stock"))
        except _Invalid:
            return reject(record)
        return ValidRow(
            record.line,
            sku,
            name,
            product_slug(name, sku),
            description,
            category_id,
            price,
            currency,
            attributes,
            is_active,
            on_hand,
        )

    def reject(record: Record) -> Rejection:
        # Slow path, for a row with a problem: every field, every problem.
        values = record.values
        problems = _Problems(record.line)
        problems.parse("sku", _sku, values.get("sku"))
        problems.parse("name", lambda v: _text(v, max_length=NAME_MAX_LENGTH, required=True), values.get("name"))
        problems.parse("description", lambda v: _text(v, max_length=DESCRIPTION_MAX_LENGTH), values.get("description"))
        problems.parse("price", _price, values.get("price"))
        problems.parse("currency", _currency, values.get("currency"))
        problems.parse("category", category, values.get("category"))
        problems.parse("attributes", _attributes, values.get("attributes"))
        problems.parse("is_active", _is_active, values.get("is_active"))
        problems.parse("stock", _stock, values.get("stock"))
        raw_sku = values.get("sku")
        shown = raw_sku.strip()[:SKU_MAX_LENGTH] if isinstance(raw_sku, str) else ""
        return Rejection(line=record.line, sku=_printable(shown), errors=tuple(problems.errors))

    return validate


def _printable(value: str) -> str:
    return _SURROGATE.sub("\ufffd", value).replace("\x00", "\ufffd")
