"""Query budgets, as NetBox keeps them: an endpoint runs the same number of queries with a few
rows and with many (an N+1 fails), and the answer really shows the added rows.

Each service's ``test_query_budgets.py`` lists its endpoints as ``Budget`` rows over a
``World`` of its own (the fixtures that add rows) and calls ``assert_query_budget`` per row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

FEW, MANY = 1, 12

World = TypeVar("World")


@dataclass(frozen=True)
class Budget(Generic[World]):
    name: str
    asker: str  # who asks, in the service's own terms (owner, staff, anonymous, a service...)
    url: Callable[[World], str]
    grow: Callable[[World, int], None]  # add this many rows the answer shows
    queries: int
    shown: Callable[[Any], int] | None = None  # how many rows the answer shows, for lists


def results_count(body: Any) -> int:
    return len(body["results"])


def assert_query_budget(
    budget: Budget[World], world: World, client: APIClient, *, growth: int = MANY - 2 * FEW
) -> None:
    """GET the endpoint with FEW rows, then with MANY: ``budget.queries`` both times, and (for a
    list) at least ``growth`` more rows shown the second time."""
    counts, shown = [], []
    for add in (FEW, MANY - FEW):
        budget.grow(world, add)
        url = budget.url(world)  # may itself query (the row to ask for): not counted
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, response.content
        counts.append(len(queries))
        if budget.shown is not None:
            shown.append(budget.shown(response.json()))
    assert counts == [budget.queries, budget.queries], [query["sql"] for query in queries.captured_queries]
    if budget.shown is not None:
        assert shown[1] >= shown[0] + growth, shown  # the answer really grew
