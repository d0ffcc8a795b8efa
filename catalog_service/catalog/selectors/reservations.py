"""Reads of reservations."""

from __future__ import annotations

import uuid

from django.db.models import Prefetch

from catalog_service.catalog.exceptions import NotFound
from catalog_service.catalog.models import Reservation, ReservationLine


def reservation_get(*, reservation_id: uuid.UUID, caller: str | None) -> Reservation:
    """One reservation with its lines (two queries). A caller sees only its own; None sees any."""
    reservations = Reservation.objects.prefetch_related(
        Prefetch("lines", queryset=ReservationLine.objects.order_by("pk"))
    ).filter(pk=reservation_id)
    if caller is not None:
        reservations = reservations.filter(caller=caller)
    reservation = reservations.first()
    if reservation is None:
        raise NotFound("No such reservation.")
    return reservation
