"""The worker leaves to the chart's CronJobs the periodic tasks EXTERNAL_PERIODIC_TASKS names."""

from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from procrastinate import App, testing

from common.periodic import drop_external_periodic_tasks


def _app_with_two_periodic_tasks() -> App:
    app = App(connector=testing.InMemoryConnector())

    @app.periodic(cron="* * * * *", periodic_id="recover_orders")
    @app.task(name="recover")
    def recover(timestamp: int) -> None: ...

    @app.periodic(cron="17 * * * *", periodic_id="purge")
    @app.task(name="purge")
    def purge(timestamp: int) -> None: ...

    return app


def _periodic_ids(app: App) -> set[str]:
    return {periodic_id for _task, periodic_id in app.periodic_registry.periodic_tasks}


def test_named_tasks_are_dropped_and_the_others_kept(settings: Any) -> None:
    settings.EXTERNAL_PERIODIC_TASKS = ["recover_orders"]
    app = _app_with_two_periodic_tasks()
    drop_external_periodic_tasks(app)
    assert _periodic_ids(app) == {"purge"}


def test_nothing_is_dropped_by_default(settings: Any) -> None:
    settings.EXTERNAL_PERIODIC_TASKS = []
    app = _app_with_two_periodic_tasks()
    drop_external_periodic_tasks(app)
    assert _periodic_ids(app) == {"recover_orders", "purge"}


def test_an_unknown_id_stops_the_worker(settings: Any) -> None:
    settings.EXTERNAL_PERIODIC_TASKS = ["recover_order"]
    with pytest.raises(ImproperlyConfigured, match="recover_order"):
        drop_external_periodic_tasks(_app_with_two_periodic_tasks())
