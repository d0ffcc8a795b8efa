"""The worker leaves to the chart's CronJobs the periodic tasks EXTERNAL_PERIODIC_TASKS names, and
every worker keeps its job queue healthy (stalled jobs requeued, finished ones removed)."""

import asyncio
import datetime
import time
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from procrastinate import App, JobContext, testing
from procrastinate.jobs import Job

from common.periodic import FINISHED_JOBS_KEPT_HOURS, drop_external_periodic_tasks, register_job_housekeeping


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


# --- the worker's housekeeping (common.periodic.register_job_housekeeping) -----------------------


def _housekept_app() -> tuple[App, testing.InMemoryConnector]:
    connector = testing.InMemoryConnector()
    app = App(connector=connector)
    register_job_housekeeping(app, service="svc", queue="svc-queue")

    @app.task(name="work", queue="svc-queue")
    def work() -> None: ...

    return app, connector


def _run(app: App, task_name: str) -> None:
    task = app.tasks[task_name]
    job = Job(queue=task.queue, lock=None, queueing_lock=task.queueing_lock, task_name=task.name)
    context = JobContext(app=app, job=job, start_timestamp=time.time(), abort_reason=lambda: None)
    asyncio.run(task.func(context, timestamp=0))


def test_every_worker_gets_both_housekeeping_tasks_under_its_service_name() -> None:
    app, _connector = _housekept_app()
    assert {(name, app.tasks[name].queue) for name, _id in app.periodic_registry.periodic_tasks} == {
        ("svc.retry_stalled_jobs", "svc-queue"),
        ("svc.remove_old_jobs", "svc-queue"),
    }
    assert _periodic_ids(app) == {"retry_stalled_jobs", "remove_old_jobs"}


def test_a_job_whose_worker_stopped_beating_goes_back_to_the_queue(settings: Any) -> None:
    settings.WORKER_STALLED_SECONDS = 30.0
    app, connector = _housekept_app()
    now = datetime.datetime.now(datetime.UTC)
    connector.workers[1] = now - datetime.timedelta(seconds=31)  # its last heartbeat
    connector.workers[2] = now
    app.tasks["work"].defer()
    app.tasks["work"].defer()
    asyncio.run(app.job_manager.fetch_job(queues=None, worker_id=1))
    asyncio.run(app.job_manager.fetch_job(queues=None, worker_id=2))
    stalled, alive = connector.jobs.values()
    assert stalled["status"] == alive["status"] == "doing"

    _run(app, "svc.retry_stalled_jobs")

    assert (stalled["status"], alive["status"]) == ("todo", "doing")


def test_finished_jobs_are_removed_after_a_week_and_recent_or_waiting_ones_kept() -> None:
    app, connector = _housekept_app()
    for _ in range(3):
        app.tasks["work"].defer()
    old, recent, waiting = connector.jobs
    connector.jobs[old]["status"] = connector.jobs[recent]["status"] = "failed"
    long_ago = datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=FINISHED_JOBS_KEPT_HOURS + 1)
    connector.events[old] = [{"type": "failed", "at": long_ago}]
    connector.events[waiting] = [{"type": "deferred", "at": long_ago}]

    _run(app, "svc.remove_old_jobs")

    assert set(connector.jobs) == {recent, waiting}
