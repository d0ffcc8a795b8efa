"""``manage.py procrastinate``: procrastinate's own command, whose ``worker`` sub-command also
serves the worker's /metrics and liveness probe (common/worker.py).

It takes the place of procrastinate's command because ``common`` comes before
``procrastinate.contrib.django`` in INSTALLED_APPS (Django takes a command from the first app
that has it), so the dev runner, the chart and anyone typing ``manage.py procrastinate worker``
get the same worker, and every other sub-command is procrastinate's, unchanged.

Its connector is ``common.worker.worker_connector``'s: procrastinate's, or with DATABASE_DIRECT_URL
set, one that bypasses a transaction pooler (docs/deploy.md, "Behind PgBouncer").
"""

import asyncio
from typing import Any

from django.apps import apps
from django.core.management import CommandError
from procrastinate import cli
from procrastinate.contrib.django.management.commands.procrastinate import Command as ProcrastinateCommand

from common.worker import run_worker, worker_connector


class Command(ProcrastinateCommand):
    def handle(self, *args: Any, **kwargs: Any) -> None:
        if not apps.is_installed("procrastinate.contrib.django"):
            raise CommandError("This service has no job queue (procrastinate.contrib.django is not installed).")
        from procrastinate.contrib.django import app

        if kwargs.get("func") is cli.worker_:
            kwargs["func"] = run_worker
        # What procrastinate's handle() does (less its Windows event loop), with our connector.
        kwargs = {key: value for key, value in kwargs.items() if key not in self._django_options}
        kwargs["app"] = app
        with app.replace_connector(worker_connector(app)):
            asyncio.run(cli.execute_command(kwargs))
