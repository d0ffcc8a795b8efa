"""Query budgets: every list and detail endpoint runs a fixed number of queries, whatever the
page size or the number of related rows (an N+1 fails here).

Each case names its endpoint, who asks, how to add rows the answer must show, and its budget;
the test counts the queries with a few rows and again with many, and expects the budget both
times.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group

from accounts_service.accounts.models import Address, User
from devtools.testing.query_budgets import Budget, assert_query_budget, results_count
from tests.accounts.conftest import client_for


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

    def addresses(self, count: int) -> None:
        for _ in range(count):
            self.address()

    def first_address_url(self) -> str:
        return f"/api/v1/users/me/addresses/{Address.objects.filter(user=self.owner).order_by('pk')[0].pk}/"

    def groups_of_owner(self, count: int) -> None:
        for _ in range(count):
            self.seq += 1
            self.owner.groups.add(Group.objects.create(name=f"role-{self.seq}"))


BUDGETS: tuple[Budget[World], ...] = (
    # Staff identity comes from the token: no query for it. One for the page, one for the
    # page's groups (a prefetch).
    Budget("users list", "staff", lambda w: "/api/v1/users/?page_size=100", World.users_with_groups, 2, results_count),
    # One user: its columns and its groups' names (an array subquery) in one query.
    Budget("user detail", "staff", lambda w: f"/api/v1/users/{w.owner.pk}/", World.groups_of_owner, 1),
    # A user's own resources: the user is loaded (active check), then the resource.
    Budget("me", "owner", lambda w: "/api/v1/users/me/", World.groups_of_owner, 2),
    Budget(
        "addresses list",
        "owner",
        lambda w: "/api/v1/users/me/addresses/?page_size=100",
        World.addresses,
        2,
        results_count,
    ),
    Budget("address detail", "owner", World.first_address_url, World.addresses, 2),
)


@pytest.mark.parametrize("budget", BUDGETS, ids=[budget.name for budget in BUDGETS])
def test_query_budget(budget: Budget[World], make_user: Callable[..., User]) -> None:
    world = World(make_user=make_user, owner=make_user(full_name="Owner"), staff=make_user(is_staff=True))
    client = client_for(world.owner if budget.asker == "owner" else world.staff)
    assert_query_budget(budget, world, client)
