"""Reservations made through the service, as the API's view makes them: with the request's
Idempotency-Key context (common/idempotency.py) and the view's answer."""

from __future__ import annotations

import dataclasses
import datetime

from catalog_service.catalog.api.views.reservations import reservation_answer
from catalog_service.catalog.services.reservations import ReservationOutcome, ReservationRequest, reservation_create
from common.idempotency import IdempotencyContext, request_fingerprint

URL = "/api/v1/reservations/"


def reserve_in_process(
    request: ReservationRequest, *, key: str, caller: str = "service:orders", now: datetime.datetime | None = None
) -> ReservationOutcome:
    """``reservation_create`` under ``key``; the request's body is the dataclass as JSON."""
    fingerprint = request_fingerprint(method="POST", path=URL, body=dataclasses.asdict(request))
    return reservation_create(
        request=request,
        caller=caller,
        idempotency=IdempotencyContext(key=key, fingerprint=fingerprint),
        answer=reservation_answer,
        now=now,
    )
