"""Small pieces every service module uses."""

from __future__ import annotations

import enum

from django.db import DatabaseError


class Unset(enum.Enum):
    """Marks a field a partial update leaves alone (None is a value: "no parent")."""

    UNSET = enum.auto()


UNSET = Unset.UNSET


def constraint_name(exc: DatabaseError) -> str | None:
    """The name of the constraint a failed statement violated, as PostgreSQL reports it."""
    diag = getattr(exc.__cause__, "diag", None)
    name = getattr(diag, "constraint_name", None)
    return name if isinstance(name, str) else None
