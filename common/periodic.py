"""The periodic tasks every worker runs, and those scheduled outside the procrastinate worker.

``register_job_housekeeping`` gives a service's worker the two tasks that keep its job queue
healthy: stalled jobs go back to the queue, finished ones are removed after a week.

The Helm chart runs the periodic work operators want to see and run by hand (reservation
expiry, order recovery, order reconciliation) as Kubernetes CronJobs calling the same code
through management commands. ``EXTERNAL_PERIODIC_TASKS`` names those tasks' periodic ids, and the worker then does
not defer them, so the work runs once per schedule, not twice.
"""

from importlib import import_module

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from procrastinate import App, JobContext
from procrastinate.contrib.django import app as procrastinate_app
from procrastinate.jobs import DEFAULT_QUEUE

# Finished jobs (failed, cancelled and aborted too) are kept this long for inspection.
FINISHED_JOBS_KEPT_HOURS = 24 * 7


def register_tasks(tasks_module: str) -> None:
    """Register a service's tasks on procrastinate's app, then drop those run elsewhere.

    Called from the service's ``AppConfig.ready()``, which runs after procrastinate's (its app
    comes first in INSTALLED_APPS): the tasks register straight onto the app, once. Through
    procrastinate's autodiscovery (turned off in common/settings.py) they registered onto a
    placeholder blueprint first, and were registered and logged again when it was copied.
    """
    import_module(tasks_module)
    drop_external_periodic_tasks(procrastinate_app)


def drop_external_periodic_tasks(app: App) -> None:
    """Forget the periodic tasks run elsewhere (from ``register_tasks``, once the service's tasks
    are registered)."""
    external = set(settings.EXTERNAL_PERIODIC_TASKS)
    registered = app.periodic_registry.periodic_tasks
    # A misspelt id would leave the task running in the worker and in the CronJob.
    if unknown := external - {periodic_id for _task, periodic_id in registered}:
        raise ImproperlyConfigured(
            f"EXTERNAL_PERIODIC_TASKS names unknown periodic tasks: {', '.join(sorted(unknown))}"
        )
    for key in [key for key in registered if key[1] in external]:
        del registered[key]


def register_job_housekeeping(app: App, *, service: str, queue: str = DEFAULT_QUEUE) -> None:
    """Register the worker's housekeeping tasks on ``app``, named ``<service>.<task>``: called
    from every service's ``tasks.py``, so no job table only grows and no job waits forever."""

    # A job whose worker died (no heartbeat) would stay "doing" forever: put it back in the
    # queue. Every task is safe to run again (a product import's upserts are idempotent).
    @app.periodic(cron="*/5 * * * *", periodic_id="retry_stalled_jobs")
    @app.task(
        name=f"{service}.retry_stalled_jobs",
        queueing_lock=f"{service}.retry_stalled_jobs",
        pass_context=True,
        queue=queue,
    )
    async def retry_stalled_jobs(context: JobContext, timestamp: int) -> None:
        # Stalled by the same measure as the worker's liveness probe (common/worker.py).
        job_manager = context.app.job_manager
        for job in await job_manager.get_stalled_jobs(seconds_since_heartbeat=settings.WORKER_STALLED_SECONDS):
            await job_manager.retry_job(job)

    # Keep the job table small: finished jobs older than a week are removed daily.
    @app.periodic(cron="17 3 * * *", periodic_id="remove_old_jobs")
    @app.task(
        name=f"{service}.remove_old_jobs",
        queueing_lock=f"{service}.remove_old_jobs",
        pass_context=True,
        queue=queue,
    )
    async def remove_old_jobs(context: JobContext, timestamp: int) -> None:
        await context.app.job_manager.delete_old_jobs(
            nb_hours=FINISHED_JOBS_KEPT_HOURS, include_failed=True, include_cancelled=True, include_aborted=True
        )
