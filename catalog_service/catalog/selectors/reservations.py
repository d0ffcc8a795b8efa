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


def reservation_states(*, reservation_ids: list[uuid.UUID], caller: str | None) -> list[Reservation]:
    """The reservations among ``reservation_ids`` (in that order) that exist and ``caller`` may
    see; one primary-key lookup of the batch, no lines. For a caller reconciling its records."""
    reservations = Reservation.objects.filter(pk__in=reservation_ids).only("id", "status", "reference", "updated_at")
    if caller is not None:
        reservations = reservations.filter(caller=caller)
    found = {reservation.pk: reservation for reservation in reservations}
    return [found[pk] for pk in dict.fromkeys(reservation_ids) if pk in found]
