"""Typed reads from decoded JSON (token claims): a wrong shape is a ValueError,
which callers turn into a refusal, never a 500."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T")
_REQUIRED: Any = object()


def typed(data: Mapping[str, Any], name: str, kind: type[T], default: T = _REQUIRED) -> T:
    value = data.get(name, default)
    if value is _REQUIRED:
        raise ValueError(f"{name!r} is missing")
    if not isinstance(value, kind):
        raise ValueError(f"{name!r} must be a {kind.__name__}")
    return value


def strings(data: Mapping[str, Any], name: str) -> tuple[str, ...]:
    """A list of strings, empty when absent."""
    values = typed(data, name, list, default=[])
    if not all(isinstance(value, str) for value in values):
        raise ValueError(f"{name!r} must be a list of strings")
    return tuple(values)
