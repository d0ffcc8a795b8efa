"""Assertions and steps the catalog's tests share."""

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


def run_queued_imports() -> None:
    """What `manage.py procrastinate worker` runs, until the imports queue is empty."""
    from procrastinate.contrib.django import app
    from procrastinate.contrib.django.django_connector import DjangoConnector

    # The app's connector is Django's (PROCRASTINATE settings); only it has a worker connector.
    connector = app.connector
    assert isinstance(connector, DjangoConnector), connector
    with app.replace_connector(connector.get_worker_connector()):
        # One job at a time: with wait=False the worker stops as soon as a slot finds nothing
        # to fetch, which a second slot would while the imports' lock holds the next one back.
        app.run_worker(
            queues=["imports"], wait=False, install_signal_handlers=False, listen_notify=False, concurrency=1
        )


def index_search() -> int:
    """Run the search indexing job as the worker would (products written since are then found by
    their current text); the number of products it indexed."""
    from catalog_service.catalog.services.search_index import search_index_refresh

    return search_index_refresh().indexed
