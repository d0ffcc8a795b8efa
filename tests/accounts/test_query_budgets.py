"""Query budgets: every list and detail endpoint runs a fixed number of queries, whatever the
page size or the number of related rows (an N+1 fails here).

Each case names its endpoint, who asks, how to add rows the answer must show, and its budget;
the test counts the queries with a few rows and again with many, and expects the budget both
times.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts_service.accounts.models import Address, User
from tests.accounts.conftest import client_for

FEW, MANY = 1, 12


@dataclass
class World:
    make_user: Callable[..., User]
    owner: User
    staff: User
    seq: int = 0

    def address(self) -> Address:
        self.seq += 1
        return Address.objects.create(
            user=self.owner,
            recipient=f"R {self.seq}",
            line1="1 Main St",
            city="Berlin",
            postal_code="10115",
            country="DE",
        )

    def users_with_groups(self, count: int) -> None:
        for _ in range(count):
            user = self.make_user()
            self.seq += 1
            user.groups.add(Group.objects.create(name=f"group-{self.seq}"))

    def groups_of_owner(self, count: int) -> None:
        for _ in range(count):
            self.seq += 1
            self.owner.groups.add(Group.objects.create(name=f"role-{self.seq}"))


@dataclass(frozen=True)
class Budget:
    name: str
    asker: str  # "owner" or "staff"
    url: Callable[[World], str]
    grow: Callable[[World, int], None]  # add this many rows the answer shows
    queries: int
    rows: Callable[[Any], int] | None = None  # how many rows the answer shows, for lists


def _results(body: Any) -> int:
    return len(body["results"])


BUDGETS = (
    # Staff identity comes from the token: no query for it. One for the page, one for the
    # page's groups (a prefetch).
    Budget("users list", "staff", lambda w: "/api/v1/users/?page_size=100", World.users_with_groups, 2, _results),
    Budget("user detail", "staff", lambda w: f"/api/v1/users/{w.owner.pk}/", World.groups_of_owner, 2),
    # A user's own resources: the user is loaded (active check), then the resource.
    Budget("me", "owner", lambda w: "/api/v1/users/me/", World.groups_of_owner, 2),
    Budget(
        "addresses list",
        "owner",
        lambda w: "/api/v1/users/me/addresses/?page_size=100",
        lambda w, n: [w.address() for _ in range(n)] and None,
        2,
        _results,
    ),
    Budget(
        "address detail",
        "owner",
        lambda w: f"/api/v1/users/me/addresses/{Address.objects.filter(user=w.owner).first().pk}/",  # type: ignore[union-attr]
        lambda w, n: [w.address() for _ in range(n)] and None,
        2,
    ),
)


@pytest.mark.parametrize("budget", BUDGETS, ids=[budget.name for budget in BUDGETS])
def test_query_budget(budget: Budget, make_user: Callable[..., User]) -> None:
    world = World(make_user=make_user, owner=make_user(full_name="Owner"), staff=make_user(is_staff=True))
    client = client_for(world.owner if budget.asker == "owner" else world.staff)
    counts, shown = [], []
    for add in (FEW, MANY - FEW):
        budget.grow(world, add)
        url = budget.url(world)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, response.content
        counts.append(len(queries))
        if budget.rows is not None:
            shown.append(budget.rows(response.json()))
    assert counts == [budget.queries, budget.queries], [q["sql"] for q in queries.captured_queries]
    if budget.rows is not None:
        assert shown[1] >= shown[0] + MANY - 2 * FEW, shown  # the page really grew
