"""Staff over users: list, filter, search, page, read, deactivate; services reading one user."""

import datetime
import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
import yaml
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from accounts_service.accounts import selectors
from accounts_service.accounts.api.serializers.users import UserSerializer
from accounts_service.accounts.models import RefreshToken, User
from devtools.devstack import REPO_ROOT
from devtools.testing.errors import assert_error
from tests.accounts.conftest import PASSWORD, client_for, service_api_client
from tests.accounts.helpers import obtain_pair

pytestmark = pytest.mark.django_db

URL = "/api/v1/users/"


def emails(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["email"] for row in response.json()["results"]]


@pytest.fixture
def people(make_user: Callable[..., User], staff_user: User) -> list[User]:
    now = timezone.now()
    users = [
        make_user("alice@example.com", full_name="Alice Liddell"),
        make_user("bob@shop.test", full_name="Bob Builder", is_active=False),
        make_user("carol@example.com", full_name="Carol Danvers", is_staff=True),
    ]
    for age, person in enumerate(reversed([staff_user, *users])):
        User.objects.filter(pk=person.pk).update(date_joined=now - timedelta(days=age))
    return users


def test_list_is_staff_only(user_client: APIClient, api_client: APIClient) -> None:
    assert_error(user_client.get(URL), 403, "permission_denied")
    assert_error(api_client.get(URL), 401, "not_authenticated")
    assert_error(service_api_client("orders", ["accounts.users:read"]).get(URL), 403, "permission_denied")


def test_list_is_newest_first(staff_client: APIClient, people: list[User]) -> None:
    assert emails(staff_client.get(URL)) == [
        "carol@example.com",
        "bob@shop.test",
        "alice@example.com",
        "staff@example.com",
    ]


def test_cursor_pagination_walks_every_user_once(staff_client: APIClient, make_user: Callable[..., User]) -> None:
    # Several users in the same instant: the id orders them, so none is skipped or repeated.
    same_instant = timezone.now()
    for number in range(7):
        User.objects.filter(pk=make_user(f"p{number}@example.com").pk).update(date_joined=same_instant)
    seen: list[str] = []
    page = staff_client.get(URL, {"page_size": 3}).json()
    while True:
        assert "count" not in page
        seen.extend(row["email"] for row in page["results"])
        if not page["next"]:
            break
        page = staff_client.get(page["next"]).json()
    assert sorted(seen) == sorted(User.objects.values_list("email", flat=True))
    assert len(seen) == len(set(seen)) == 8


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"is_active": "false"}, ["bob@shop.test"]),
        ({"is_staff": "true"}, ["carol@example.com", "staff@example.com"]),
        ({"is_staff": "false", "is_active": "true"}, ["alice@example.com"]),
        ({"q": "ALI"}, ["alice@example.com"]),  # email prefix, any case
        ({"q": "bob@shop"}, ["bob@shop.test"]),
        ({"q": "danvers"}, ["carol@example.com"]),  # a word of the name
        ({"q": "Hopper"}, ["staff@example.com"]),
        ({"q": "nobody"}, []),
    ],
)
def test_filters(staff_client: APIClient, people: list[User], query: dict[str, str], expected: list[str]) -> None:
    assert emails(staff_client.get(URL, query)) == expected


def test_joined_date_filters(staff_client: APIClient, people: list[User]) -> None:
    alice_joined = User.objects.get(email="alice@example.com").date_joined
    after = emails(staff_client.get(URL, {"joined_after": alice_joined.isoformat()}))
    assert after == ["carol@example.com", "bob@shop.test", "alice@example.com"]
    before = emails(staff_client.get(URL, {"joined_before": alice_joined.isoformat()}))
    assert before == ["staff@example.com"]


@pytest.mark.parametrize(
    ("query", "attr"),
    [
        ({"joined_after": "yesterday"}, "joined_after"),
        ({"q": "x" * 101}, "q"),
        ({"q": "nul\x00"}, "q"),
        # Not "no filter", which would list everyone.
        ({"is_staff": "yes please"}, "is_staff"),
        ({"is_active": ""}, "is_active"),
        ({"joined_before": ""}, "joined_before"),
    ],
)
def test_bad_filter_values_are_400(staff_client: APIClient, query: dict[str, str], attr: str) -> None:
    response = staff_client.get(URL, query)
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["attr"] == attr


def test_a_date_filter_takes_any_utc_offset(staff_client: APIClient, people: list[User]) -> None:
    # Valid RFC 3339, but PostgreSQL takes no offset beyond 15:59: compared in UTC instead.
    response = staff_client.get(URL, {"joined_after": "2000-01-01T00:00:00+20:46"})
    assert response.status_code == 200, response.content
    assert "alice@example.com" in emails(response)
    later = User.objects.latest("date_joined").date_joined + timedelta(seconds=1)
    assert emails(staff_client.get(URL, {"joined_after": later.isoformat()})) == []


def test_a_garbage_cursor_is_400(staff_client: APIClient) -> None:
    assert_error(staff_client.get(URL, {"cursor": "garbage"}), 400, "invalid_cursor", attr="cursor")


def test_the_schema_documents_what_the_search_refuses() -> None:
    # Generated clients and fuzzers read the limits from the schema: a NUL or 101 characters
    # are the 400s of test_bad_filter_values_are_400.
    schema = yaml.safe_load((REPO_ROOT / "accounts_service" / "openapi.yaml").read_text())
    (q,) = [p for p in schema["paths"]["/api/v1/users/"]["get"]["parameters"] if p["name"] == "q"]
    assert q["schema"]["maxLength"] == 100
    assert not re.search(q["schema"]["pattern"], "nul\x00")
    assert re.search(q["schema"]["pattern"], "ada")


@pytest.mark.parametrize("page_size", [2, 40])
def test_list_query_count_does_not_grow_with_the_page_size(
    staff_client: APIClient, make_user: Callable[..., User], django_assert_num_queries: Any, page_size: int
) -> None:
    groups = [Group.objects.create(name=f"group-{number}") for number in range(3)]
    for number in range(40):
        make_user(f"u{number}@example.com").groups.add(*groups)
    # The page, and the groups of its users; the token is verified without a query.
    with django_assert_num_queries(2):
        response = staff_client.get(URL, {"page_size": page_size})
    assert len(response.json()["results"]) == page_size
    rows = [row for row in response.json()["results"] if row["email"] != "staff@example.com"]
    assert all(row["groups"] == ["group-0", "group-1", "group-2"] for row in rows)


def test_search_uses_indexes(people: list[User]) -> None:
    queryset = selectors.user_search(User.objects.order_by(), "carol")
    with connection.cursor() as cursor:
        # On a tiny table the planner prefers a scan; forbid it to see that an index can serve.
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "accounts_user_name_search" in plan, plan
    # PostgreSQL's pattern-ops twin of the unique email index (Django names it ..._like).
    assert re.search(r"accounts_user_email_\w+_like", plan), plan


# --- one user --------------------------------------------------------------------------------


def test_staff_read_one_user(staff_client: APIClient, user: User) -> None:
    response = staff_client.get(f"{URL}{user.pk}/")
    assert response.status_code == 200
    assert response.json()["email"] == user.email


def test_a_service_with_the_scope_reads_one_user(user: User) -> None:
    response = service_api_client("orders", ["accounts.users:read"]).get(f"{URL}{user.pk}/")
    assert response.status_code == 200
    assert response.json()["id"] == str(user.pk)


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_one_user_answer_is_the_serializers(
    make_user: Callable[..., User], django_assert_num_queries: Any, signed_in: bool
) -> None:
    # The detail is built from one query's columns (user_data), not by UserSerializer, which
    # still documents it: the same JSON, key order included, groups by name.
    user = make_user("zoe@example.com", full_name='Zoë \u2028 "Q"', is_staff=True, is_superuser=True)
    user.groups.add(Group.objects.create(name="warehouse"), Group.objects.create(name="Auditors"))
    if signed_in:
        User.objects.filter(pk=user.pk).update(
            last_login=datetime.datetime(2026, 1, 2, 3, 4, 5, 678, tzinfo=datetime.timezone(timedelta(hours=5)))
        )
    client = service_api_client("orders", ["accounts.users:read"])
    with django_assert_num_queries(1):  # the user and its groups' names (a prefetch was a second query)
        response = client.get(f"{URL}{user.pk}/")
    expected = UserSerializer(selectors.user_get(user_id=user.pk)).data
    assert response.json() == expected
    assert list(response.json()) == list(expected)
    assert response.json()["groups"] == ["Auditors", "warehouse"]


def test_a_service_without_the_scope_is_403(user: User) -> None:
    client = service_api_client("catalog", ["catalog.reservations:write"])
    assert_error(client.get(f"{URL}{user.pk}/"), 403, "permission_denied")


def test_a_user_cannot_read_another_user(user_client: APIClient, staff_user: User) -> None:
    assert_error(user_client.get(f"{URL}{staff_user.pk}/"), 403, "permission_denied")


@pytest.mark.parametrize("user_id", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_unknown_or_malformed_ids_are_404(staff_client: APIClient, user_id: str) -> None:
    assert_error(staff_client.get(f"{URL}{user_id}/"), 404, "not_found")


# --- deactivation ----------------------------------------------------------------------------


def test_deactivation_revokes_refresh_tokens_and_blocks_sign_in(
    api_client: APIClient, staff_client: APIClient, user: User
) -> None:
    refresh_token = obtain_pair(api_client, user.email, PASSWORD)["refresh_token"]
    response = staff_client.post(f"{URL}{user.pk}/deactivate/")
    assert response.status_code == 200, response.content
    assert response.json()["is_active"] is False
    assert not RefreshToken.objects.filter(user=user, revoked_at__isnull=True).exists()
    assert api_client.post("/api/v1/auth/token/refresh/", {"refresh_token": refresh_token}).status_code == 401
    assert api_client.post("/api/v1/auth/token/", {"email": user.email, "password": PASSWORD}).status_code == 401

    assert staff_client.post(f"{URL}{user.pk}/reactivate/").json()["is_active"] is True
    assert obtain_pair(api_client, user.email, PASSWORD)


def test_staff_cannot_deactivate_themselves(staff_client: APIClient, staff_user: User) -> None:
    assert_error(staff_client.post(f"{URL}{staff_user.pk}/deactivate/"), 409, "conflict")
    staff_user.refresh_from_db()
    assert staff_user.is_active


def test_deactivation_is_staff_only(user: User, make_user: Callable[..., User]) -> None:
    other = make_user("other@example.com")
    assert_error(client_for(user).post(f"{URL}{other.pk}/deactivate/"), 403, "permission_denied")
    assert_error(
        service_api_client("orders", ["accounts.users:read"]).post(f"{URL}{other.pk}/deactivate/"),
        403,
        "permission_denied",
    )
