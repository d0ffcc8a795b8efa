"""Limits on bodies and parameters (common/request_limits.py, common/query_params.py,
common/pagination.py). tests/e2e/test_limits.py holds them on every operation of every service."""

from __future__ import annotations

import base64
import datetime
import time
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent, TooManyFilesSent
from django.http import QueryDict
from django.test import Client
from rest_framework import serializers
from rest_framework.views import APIView

from common.exception_handler import ExceptionHandler
from common.query_params import BIGINT_MAX, QueryParametersSerializer
from common.request_limits import JSON_MAX_DEPTH, exceeds_depth, loads
from devtools.testing.errors import assert_error

pytestmark = pytest.mark.django_db


# --- JSON nesting ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("[]", 1),
        ('{"a": [1, {"b": [2]}]}', 4),
        ('["[[[[", "]]", "\\"[["]', 1),  # brackets in strings, escaped quotes included
        ('{"a\\\\": "[[["}', 1),  # an escaped backslash ends before the quote
        ("[[[[" * 10 + "]]]]" * 10, 40),
        ("[" * 40, 40),  # unclosed: invalid JSON, but counted as deep as it goes
        ("[[]]]]]][[]", 2),
    ],
)
def test_exceeds_depth_counts_nesting_outside_strings(text: str, depth: int) -> None:
    assert exceeds_depth(text, depth) is False
    assert exceeds_depth(text, depth - 1) is True
    assert exceeds_depth("1", 0) is False


@pytest.mark.parametrize(
    "text",
    [
        '"' + '\\"' * 20_000,  # one unterminated string of escaped quotes
        '["' + "\\" * 40_000,  # and of backslashes
        "[" * 1_000_000 + "]" * 1_000_000,  # 2 MB of nesting
    ],
)
def test_exceeds_depth_takes_linear_time_on_hostile_text(text: str) -> None:
    # A string pattern that is not anchored to its end tried again from every quote inside an
    # unterminated string: 23 s for the first text, minutes for a whole body.
    started = time.perf_counter()
    exceeds_depth(text)
    assert time.perf_counter() - started < 1.5


def test_loads_refuses_deep_nesting_and_non_json_numbers() -> None:
    assert loads(b'{"a": [1, 2.5, "x"]}') == {"a": [1, 2.5, "x"]}
    assert loads("[" * JSON_MAX_DEPTH + "]" * JSON_MAX_DEPTH) is not None
    with pytest.raises(ValueError, match="Nested deeper than 32 levels"):
        loads("[" * 100_000 + "]" * 100_000)
    for constant in ("NaN", "Infinity", "-Infinity"):
        with pytest.raises(ValueError, match="not valid JSON"):
            loads(f"[{constant}]")


@pytest.mark.parametrize(
    "body",
    ["[" * 1000 + "]" * 1000, '{"a":' * 1000 + "1" + "}" * 1000, '{"name": ' + "[" * 33 + "]" * 33 + "}"],
)
def test_a_body_nested_too_deep_is_a_parse_error(client: Client, body: str) -> None:
    assert_error(client.post("/test/echo/", body, content_type="application/json"), 400, "parse_error")


# --- body size --------------------------------------------------------------------------------------


def test_a_body_over_the_limit_is_413_unread_and_one_at_the_limit_is_read(client: Client, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    at_limit = '{"name": "ok", "quantity": 1, "pad": "' + "x" * 60 + '"}'
    assert len(at_limit) == 100
    response = client.post("/test/echo/", at_limit, content_type="application/json")
    assert response.status_code == 200, response.content  # read and answered
    response = client.post("/test/echo/", at_limit + " ", content_type="application/json")
    assert_error(response, 413, "content_too_large")
    assert response.json()["errors"][0]["detail"] == "The request body is larger than the limit of 100 bytes."
    # Whatever the method and whether or not the view would read a body.
    assert_error(client.generic("GET", "/test/groups/", "x" * 101), 413, "content_too_large")


@pytest.mark.parametrize(
    ("exc", "status", "code"),
    [
        (RequestDataTooBig("Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE."), 413, "content_too_large"),
        (TooManyFieldsSent("too many fields"), 413, "content_too_large"),
        (TooManyFilesSent("too many files"), 413, "content_too_large"),
        (SuspiciousOperation("odd"), 400, "parse_error"),
    ],
)
def test_djangos_refusals_of_a_body_are_client_errors(exc: Exception, status: int, code: str) -> None:
    response = ExceptionHandler(exc, {"view": APIView(), "args": (), "kwargs": {}, "request": None}).run()
    assert response is not None
    assert response.status_code == status
    assert response.data["errors"][0]["code"] == code


# --- parameters -------------------------------------------------------------------------------------


class Params(QueryParametersSerializer):
    day = serializers.DateField(required=False)
    since = serializers.DateTimeField(required=False)
    count = serializers.IntegerField(required=False)
    small = serializers.IntegerField(required=False, min_value=1, max_value=10)


def codes(query: str) -> dict[str, list[str]]:
    params = Params(data=QueryDict(query))
    params.is_valid()
    return {name: [error.code for error in found] for name, found in params.errors.items()}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("day=0001-01-01", {"day": ["min_value"]}),
        ("day=9999-12-31", {"day": ["max_value"]}),
        ("day=0001-01-02&day=9999-12-30", {}),
        ("since=0001-01-01T23:59:59Z", {"since": ["min_value"]}),
        ("since=0001-01-02T00:00:00%2B14:00", {"since": ["min_value"]}),
        ("since=9999-12-30T23:59:59-14:00", {"since": ["max_value"]}),
        ("since=9999-12-31T23:59:59-14:00", {"since": ["overflow"]}),
        ("since=9999-12-30T23:59:59.999999Z", {}),
        (f"count={BIGINT_MAX + 1}", {"count": ["max_value"]}),
        (f"count={-(2**63) - 1}", {"count": ["min_value"]}),
        (f"count={BIGINT_MAX}", {}),
        ("small=11", {"small": ["max_value"]}),  # a field's own bounds stay
    ],
)
def test_dates_instants_and_integers_stay_within_range(query: str, expected: dict[str, list[str]]) -> None:
    assert codes(query) == expected


def test_an_unbounded_integer_parameter_is_documented_as_a_bigint() -> None:
    field = Params().fields["count"]
    assert isinstance(field, serializers.IntegerField), field
    assert (field.min_value, field.max_value) == (-(2**63), BIGINT_MAX)


def _drf_cursor(position: str) -> str:
    return base64.b64encode(f"p={position}".encode()).decode()


@pytest.mark.parametrize(
    "position",
    ["x" * 151, "\x00", "a" * 2000],
)
def test_a_drf_cursor_position_that_is_no_value_of_the_column_is_400(client: Client, position: str) -> None:
    Group.objects.create(name="a")
    response = client.get("/test/groups/", {"cursor": _drf_cursor(position)})
    assert_error(response, 400, "invalid_cursor", "cursor")


def test_a_drf_cursor_keeps_working(client: Client) -> None:
    Group.objects.bulk_create([Group(name=name) for name in "abc"])
    first = client.get("/test/groups/", {"page_size": 1}).json()
    second = client.get(first["next"]).json()
    assert [row["name"] for row in second["results"]] == ["b"]
    # The same page by next_cursor, without digging it out of the link.
    assert client.get("/test/groups/", {"page_size": 1, "cursor": first["next_cursor"]}).json() == second
    assert client.get("/test/groups/", {"page_size": 3}).json()["next_cursor"] is None
    assert client.get(second["previous"]).json()["results"] == [{"name": "a"}]


def test_dates_at_the_ends_of_the_range_are_instants_in_utc() -> None:
    params = Params(data=QueryDict("since=0001-01-02T10:00:00%2B10:00"))
    assert params.is_valid(), params.errors
    assert params.validated_data["since"] == datetime.datetime(1, 1, 2, tzinfo=datetime.UTC)
