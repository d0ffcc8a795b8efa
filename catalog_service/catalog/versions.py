"""Entity tags: the version of a category or product that ETag, If-None-Match and If-Match carry.

A tag is derived from the primary key and ``updated_at``, which every write moves forward, so
it changes whenever the representation does and costs no extra column or query.
"""

from __future__ import annotations

import datetime
import hashlib


def entity_tag(*, pk: int, updated_at: datetime.datetime) -> str:
    digest = hashlib.sha256(f"{pk}:{updated_at.isoformat()}".encode()).hexdigest()[:32]
    return f'"{digest}"'


def precondition_holds(if_match: frozenset[str] | None, current: str) -> bool:
    """Whether a write conditioned on ``if_match`` (the tags of If-Match, None without the header) may proceed."""
    return if_match is None or "*" in if_match or current in if_match
