"""The shared API conventions: one error shape, no 500 for bad input, capped cursor pages."""

from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from devtools.testing.errors import assert_error

pytestmark = pytest.mark.django_db


def test_valid_body_passes(client: Client) -> None:
    response = client.post("/test/echo/", {"name": "ok", "quantity": 3}, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == {"name": "ok", "quantity": 3}


def test_malformed_json_is_a_parse_error(client: Client) -> None:
    response = client.post("/test/echo/", '{"name": "unterminated', content_type="application/json")
    assert_error(response, 400, "parse_error")


@pytest.mark.parametrize(
    ("body", "code", "attr"),
    [
        ({"name": "nul\x00byte", "quantity": 1}, "null_characters_not_allowed", "name"),
        ({"name": "x" * 10_000, "quantity": 1}, "max_length", "name"),
        ({"name": "ok", "quantity": 10**40}, "max_value", "quantity"),
        ({"name": "ok", "quantity": "three"}, "invalid", "quantity"),
        ({"name": ["a", "list"], "quantity": 1}, "invalid", "name"),
        ({"quantity": 1}, "required", "name"),
        # JSON keeps its types: a number is not a string, nor a decimal string.
        ({"name": 0, "quantity": 1}, "invalid", "name"),
        ({"name": "ok", "quantity": 1, "price": 9.5}, "invalid", "price"),
        # Nor is a number (or a boolean, an int to Python) an id (found by fuzzing).
        ({"name": "ok", "quantity": 1, "reference": 5}, "invalid", "reference"),
        ({"name": "ok", "quantity": 1, "reference": False}, "invalid", "reference"),
        # The length sent counts, not the length once trimmed.
        ({"name": " " + "x" * 20, "quantity": 1}, "max_length", "name"),
    ],
)
def test_bad_input_is_a_validation_error_naming_the_field(client: Client, body: Any, code: str, attr: str) -> None:
    response = client.post("/test/echo/", body, content_type="application/json")
    assert_error(response, 400, code, attr)


def test_unsupported_media_type(client: Client) -> None:
    response = client.post("/test/echo/", "name=x", content_type="application/x-www-form-urlencoded")
    assert_error(response, 415, "unsupported_media_type")


def test_unknown_method(client: Client) -> None:
    assert_error(client.delete("/test/echo/"), 405, "method_not_allowed")


def test_unhandled_exception_answers_json_500() -> None:
    client = Client(raise_request_exception=False)
    assert_error(client.get("/test/crash/"), 500, "error")


def test_cursor_pages_are_capped_and_link_to_the_next_page(client: Client) -> None:
    Group.objects.bulk_create(Group(name=f"group-{number:04}") for number in range(250))
    first = client.get("/test/groups/", {"page_size": 10_000}).json()
    assert len(first["results"]) == 200
    assert first["results"][0] == {"name": "group-0000"}
    assert "count" not in first
    second = client.get(first["next"]).json()
    assert [row["name"] for row in second["results"]] == [f"group-{n:04}" for n in range(200, 250)]
    assert second["next"] is None


def test_default_page_size(client: Client) -> None:
    Group.objects.bulk_create(Group(name=f"group-{number:04}") for number in range(60))
    assert len(client.get("/test/groups/").json()["results"]) == 50


def test_a_garbage_cursor_is_refused_in_the_error_shape(client: Client) -> None:
    # A 400 naming the parameter, as on the catalog's keyset lists; DRF's own answer is a 404.
    assert_error(client.get("/test/groups/", {"cursor": "not-a-cursor"}), 400, "invalid_cursor", "cursor")


@pytest.mark.parametrize("page_size", ["null", "0", "-1", "1.5", "", "1000000", "\uff11\uff10"])
def test_a_page_size_that_is_not_a_positive_integer_is_refused(client: Client, page_size: str) -> None:
    assert_error(client.get("/test/groups/", {"page_size": page_size}), 400, "invalid", "page_size")
