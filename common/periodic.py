"""Periodic tasks scheduled outside the procrastinate worker.

The Helm chart runs the periodic work operators want to see and run by hand (reservation
expiry, order recovery, order reconciliation) as Kubernetes CronJobs calling the same code
through management commands. ``EXTERNAL_PERIODIC_TASKS`` names those tasks' periodic ids, and the worker then does
not defer them, so the work runs once per schedule, not twice.
"""

from importlib import import_module

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from procrastinate import App
from procrastinate.contrib.django import app as procrastinate_app


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
