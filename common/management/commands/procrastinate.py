"""``manage.py procrastinate``: procrastinate's own command, whose ``worker`` sub-command also
serves the worker's /metrics and liveness probe (common/worker.py).

It takes the place of procrastinate's command because ``common`` comes before
``procrastinate.contrib.django`` in INSTALLED_APPS (Django takes a command from the first app
that has it), so the dev runner, the chart and anyone typing ``manage.py procrastinate worker``
get the same worker, and every other sub-command is procrastinate's, unchanged.
"""

from typing import Any

from django.apps import apps
from django.core.management import CommandError
from procrastinate import cli
from procrastinate.contrib.django.management.commands.procrastinate import Command as ProcrastinateCommand

from common.worker import run_worker


class Command(ProcrastinateCommand):
    def handle(self, *args: Any, **kwargs: Any) -> None:
        if not apps.is_installed("procrastinate.contrib.django"):
            raise CommandError("This service has no job queue (procrastinate.contrib.django is not installed).")
        if kwargs.get("func") is cli.worker_:
            kwargs["func"] = run_worker
        super().handle(*args, **kwargs)
