import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from orders_service.orders.services.recovery import orders_recover


class Command(BaseCommand):
    help = (
        "Settle the orders left pending by the saga (no definite answer from accounts or catalog), with the same "
        "keys: each ends confirmed or rejected, or stays pending if a service is still away; then finish the "
        "cancellations left cancelling (the same idempotent stock return). The procrastinate worker runs this "
        "every minute; run it by hand after an outage."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than",
            type=float,
            default=settings.ORDERS_RECOVERY_AFTER_SECONDS,
            help=(
                "Only orders pending (or cancelling) for longer than this many seconds "
                "(default: ORDERS_RECOVERY_AFTER_SECONDS)."
            ),
        )
        parser.add_argument("--limit", type=int, default=None, help="At most this many orders.")
        parser.add_argument(
            "--ignore-backoff", action="store_true", help="Also the orders whose next retry is not due yet."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        report = orders_recover(
            older_than=datetime.timedelta(seconds=options["older_than"]),
            limit=options["limit"],
            ignore_backoff=options["ignore_backoff"],
        )
        self.stdout.write(
            f"examined {report.examined}: {report.confirmed} confirmed, {report.rejected} rejected, "
            f"{report.still_pending} still pending; {report.cancelled} cancelled, "
            f"{report.still_cancelling} still cancelling"
        )
