"""Assertions the catalog's tests share."""

from __future__ import annotations

from typing import Any


def errors(response: Any) -> list[dict[str, Any]]:
    """The errors of a response in the standard error shape (asserting the shape)."""
    body = response.json()
    assert set(body) == {"type", "errors"}, body
    assert body["type"] in {"validation_error", "client_error", "server_error"}
    for error in body["errors"]:
        assert {"code", "detail", "attr"} <= set(error), error
    return list(body["errors"])
