import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from common.clients.base import DownstreamUnavailable
from orders_service.orders.services.reconciliation import orders_reconcile


class Command(BaseCommand):
    help = (
        "Check the orders changed within the window (and every order flagged before) against catalog's "
        "reservations: confirmed and fulfilled orders must have their reservation committed, cancelled ones "
        "returned. Flags each order that disagrees (admin, /metrics); repairs nothing. The procrastinate worker "
        "runs this every 10 minutes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--window",
            type=float,
            default=settings.ORDERS_RECONCILIATION_WINDOW_SECONDS,
            help="Orders changed within this many seconds (default: ORDERS_RECONCILIATION_WINDOW_SECONDS).",
        )
        parser.add_argument(
            "--settle",
            type=float,
            default=settings.ORDERS_RECONCILIATION_SETTLE_SECONDS,
            help="Leave out orders changed within this many seconds (default: ORDERS_RECONCILIATION_SETTLE_SECONDS).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = orders_reconcile(
                window=datetime.timedelta(seconds=options["window"]),
                settle_for=datetime.timedelta(seconds=options["settle"]),
            )
        except DownstreamUnavailable as exc:
            raise CommandError(f"catalog cannot answer: {exc}") from exc
        self.stdout.write(f"checked {report.checked}: {report.mismatches} order(s) disagree with catalog")
