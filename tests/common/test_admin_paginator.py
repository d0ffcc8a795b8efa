"""The big-table paginator (common/admin.py): an estimate that reads as one, and every row
reachable by paging, from the start or from the end."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.paginator import EmptyPage
from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext

import common.admin
from common.admin import EstimatedCountPaginator, describe_estimate

pytestmark = pytest.mark.django_db

ROWS = 45


@pytest.fixture
def groups(monkeypatch: pytest.MonkeyPatch) -> QuerySet[Group]:
    Group.objects.bulk_create(Group(name=f"group-{n:03d}") for n in range(ROWS))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE auth_group")
    # Forty-five rows play a big table: past 10 rows the count is an estimate.
    monkeypatch.setattr(common.admin, "EXACT_COUNT_LIMIT", 10)
    return Group.objects.order_by("name", "pk")


def names(page: object) -> list[str]:
    return [group.name for group in page.object_list]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("count", "words"),
    [
        (7, "about 7"),
        (1234, "about 1,200"),
        (48_213, "about 48,000"),
        (999_999, "about 1 million"),
        (1_234_567, "about 1.2 million"),
        (25_600_000, "about 26 million"),
    ],
)
def test_an_estimate_is_worded_as_one(count: int, words: str) -> None:
    assert describe_estimate(count) == words


def test_an_unfiltered_big_table_is_estimated_without_counting(groups: QuerySet[Group]) -> None:
    paginator = EstimatedCountPaginator(groups, 10)
    with CaptureQueriesContext(connection) as queries:
        assert paginator.count == ROWS
    assert paginator.is_estimate
    assert [q["sql"] for q in queries.captured_queries if "COUNT" in q["sql"].upper()] == []


def test_a_small_result_is_exact(groups: QuerySet[Group]) -> None:
    paginator = EstimatedCountPaginator(groups.filter(name__startswith="group-00"), 3)
    assert (paginator.count, paginator.is_estimate) == (10, False)
    assert names(paginator.page(-1)) == ["group-009"]  # from the end on an exact count: the last page


def test_pages_past_the_estimate_are_reachable(groups: QuerySet[Group]) -> None:
    # The planner thinks there are 20 rows; there are 45: pages 3 to 5 are still there.
    paginator = EstimatedCountPaginator(groups, 10)
    paginator.count = 20
    paginator.is_estimate = True
    assert names(paginator.page(5)) == [f"group-{n:03d}" for n in range(40, 45)]
    with pytest.raises(EmptyPage):
        paginator.page(6)


def test_the_last_page_is_read_from_the_end(groups: QuerySet[Group]) -> None:
    paginator = EstimatedCountPaginator(groups, 10)
    with CaptureQueriesContext(connection) as queries:
        last = paginator.page(-1)
    assert names(last) == [f"group-{n:03d}" for n in range(35, 45)]
    assert names(paginator.page(-5)) == [f"group-{n:03d}" for n in range(0, 5)]
    with pytest.raises(EmptyPage):
        paginator.page(-6)
    page_queries = [q["sql"] for q in queries.captured_queries if q["sql"].startswith('SELECT "auth_group"')]
    assert len(page_queries) == 1, page_queries  # one query for the rows (the estimate read pg_class)
    assert "DESC" in page_queries[0]


def test_a_far_page_finds_its_keys_first(groups: QuerySet[Group], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common.admin, "DEFERRED_JOIN_OFFSET", 20)
    paginator = EstimatedCountPaginator(groups, 10)
    with CaptureQueriesContext(connection) as queries:
        page = paginator.page(3)
    assert names(page) == [f"group-{n:03d}" for n in range(20, 30)]
    (rows,) = [q["sql"] for q in queries.captured_queries if q["sql"].startswith('SELECT "auth_group"')]
    assert "IN (SELECT" in rows.upper()
    assert "OFFSET 20" in rows


def test_page_zero_and_words_are_not_pages(groups: QuerySet[Group]) -> None:
    paginator = EstimatedCountPaginator(groups, 10)
    paginator.count  # noqa: B018
    with pytest.raises(EmptyPage):
        paginator.page(0)
    with pytest.raises(Exception, match="integer"):
        paginator.page("last")


def test_the_links_reach_both_ends(groups: QuerySet[Group]) -> None:
    paginator = EstimatedCountPaginator(groups, 10)
    assert paginator.page_links(1) == [
        ("1", None),
        ("2", 2),
        ("3", 3),
        ("4", 4),
        ("Next", 2),
        ("…", None),
        ("Last page", -1),
    ]
    assert paginator.page_links(-1) == [
        ("First page", 1),
        ("…", None),
        ("Previous", -2),
        ("-4", -4),
        ("-3", -3),
        ("-2", -2),
        ("-1", None),
    ]


def test_few_matches_are_read_through_the_filter_not_the_ordering(groups: QuerySet[Group]) -> None:
    paginator = EstimatedCountPaginator(groups.filter(name__startswith="group-00"), 3)
    with CaptureQueriesContext(connection) as queries:
        page = paginator.page(2)
    assert names(page) == ["group-003", "group-004", "group-005"]
    sql = [query["sql"] for query in queries.captured_queries]
    switched = [n for n, text in enumerate(sql) if "set_config('enable_indexscan', 'off', true)" in text]
    rows = [n for n, text in enumerate(sql) if text.startswith('SELECT "auth_group"')]
    restored = [n for n, text in enumerate(sql) if "set_config('enable_indexscan', 'on', true)" in text]
    assert switched < rows < restored  # the page's query, and only it, without plain index scans
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_indexscan")
        assert cursor.fetchone() == ("on",)
