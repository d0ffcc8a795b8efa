"""The one error shape every service answers (drf-standardized-errors, docs/api.md), asserted."""

from __future__ import annotations

from typing import Any


def assert_error(response: Any, status: int, code: str, attr: str | None = None) -> None:
    """The response is an error in the standard shape, with this code (on this field)."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["type"] in {"validation_error", "client_error", "server_error"}
    assert any(error["code"] == code and error["attr"] == attr for error in body["errors"]), body
