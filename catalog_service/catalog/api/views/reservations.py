from __future__ import annotations

import uuid
from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from catalog_service.catalog.api.errors import (
    ConflictErrorResponseSerializer,
    InsufficientStockErrorResponseSerializer,
    UnprocessableErrorResponseSerializer,
)
from catalog_service.catalog.api.serializers.reservations import (
    MAX_STATE_IDS,
    ReservationCreateSerializer,
    ReservationSerializer,
    ReservationStatesQuerySerializer,
    ReservationStatesSerializer,
    reservation_data,
)
from catalog_service.catalog.api.views.base import CatalogAPIView
from catalog_service.catalog.models import Reservation, ReservationKey, ReservationStatus
from catalog_service.catalog.selectors.reservations import reservation_get, reservation_states
from catalog_service.catalog.services.reservations import (
    reservation_commit,
    reservation_create,
    reservation_release,
    reservation_return,
)
from common.auth.authentication import token_user
from common.auth.permissions import IsStaff, require_scope
from common.idempotency import IDEMPOTENCY_HEADER, IdempotencyContext, Performed, idempotency_key, idempotent_response
from common.schema import idempotency_key_parameter, replayed_parameter

TAGS = ["reservations"]
SCOPE = "catalog.reservations:write"


@extend_validation_errors(["required", "invalid"], field_name=IDEMPOTENCY_HEADER, methods=["post"])
# ReservationCreateSerializer.validate_lines: a SKU given twice.
@extend_validation_errors(["unique"], field_name="lines", methods=["post"])
class ReservationCreateView(CatalogAPIView):
    permission_classes = (require_scope(SCOPE),)

    @extend_schema(
        operation_id="reservations_create",
        tags=TAGS,
        summary="Hold stock for several SKUs, all or nothing",
        description=(
            "Holds every line or none. A shortage answers 409 with one error per short line (`sku`, "
            "`requested`, `available`); an unknown or inactive SKU answers 422 naming it. The lines carry the "
            "unit price and currency at the time of the hold. With `commit: true` the stock is sold in the same "
            "transaction: the reservation answered is `committed`, as if committed at once (one call instead "
            "of two, when no hold is needed in between).\n\n"
            "Idempotent: the same `Idempotency-Key` with the same body answers the first response again (201, "
            "the reservation as it was made, header `Idempotent-Replayed: true`; read it for its state now), "
            "also when both arrive at once, for at least 30 days; with a different body it answers 422 "
            "`idempotency_key_reused`. A refused request stores nothing, so it can be retried with the same key."
        ),
        parameters=[
            idempotency_key_parameter(required=True, description="Unique per reservation you mean to make."),
            replayed_parameter(201),
        ],
        request=ReservationCreateSerializer,
        responses={
            201: OpenApiResponse(
                ReservationSerializer,
                description="Made; or, with `Idempotent-Replayed: true`, the first answer under this key again.",
            ),
            409: InsufficientStockErrorResponseSerializer,
            422: UnprocessableErrorResponseSerializer,
        },
    )
    def post(self, request: Request) -> Response:
        key = idempotency_key(request)
        body = ReservationCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        caller = token_user(request).principal

        def perform(idempotency: IdempotencyContext) -> Performed:
            outcome = reservation_create(
                request=body.to_request(), caller=caller, idempotency=idempotency, answer=reservation_answer
            )
            stored = outcome.stored
            return Performed(
                stored.status, stored.body, stored.headers, record_id=outcome.idempotency_record_id, completed=True
            )

        def answer_for_reservation(reservation_id: str) -> tuple[int, Any, dict[str, str]]:
            # For a key left in flight by a request that died: a ReservationKey never is (it is
            # claimed with its answer), but idempotent_response answers any record it meets.
            return reservation_answer(reservation_get(reservation_id=uuid.UUID(reservation_id), caller=caller))

        return idempotent_response(
            ReservationKey,
            request,
            principal=caller,
            key=key,
            perform=perform,
            answer_for_resource=answer_for_reservation,
            # reservation_create claims the key before touching any stock, in a transaction
            # that rolls back what it did before: a used key is met by the claim itself.
            look_up_first=False,
        )


def reservation_answer(reservation: Reservation) -> tuple[int, Any, dict[str, str]]:
    """The answer to a new reservation, stored under its key and replayed as it is."""
    # reservation_data: ReservationSerializer's answer, built without its fields.
    return (
        status.HTTP_201_CREATED,
        reservation_data(reservation),
        {"Location": f"/api/v1/reservations/{reservation.pk}/"},
    )


class ReservationDetailView(CatalogAPIView):
    permission_classes = (require_scope(SCOPE) | IsStaff,)

    @extend_schema(
        operation_id="reservations_retrieve",
        tags=TAGS,
        summary="One reservation",
        description="A service sees its own reservations only; staff see every one.",
        responses=ReservationSerializer,
    )
    def get(self, request: Request, reservation_id: uuid.UUID) -> Response:
        user = token_user(request)
        caller = None if user.is_staff else user.principal
        return Response(ReservationSerializer(reservation_get(reservation_id=reservation_id, caller=caller)).data)


class _ReservationTransitionView(CatalogAPIView):
    permission_classes = (require_scope(SCOPE),)

    def transition(self, request: Request, reservation_id: uuid.UUID) -> ReservationStatus:
        raise NotImplementedError

    def post(self, request: Request, reservation_id: uuid.UUID) -> Response:
        caller = token_user(request).principal
        self.transition(request, reservation_id)
        return Response(ReservationSerializer(reservation_get(reservation_id=reservation_id, caller=caller)).data)


class ReservationCommitView(_ReservationTransitionView):
    @extend_schema(
        operation_id="reservations_commit",
        tags=TAGS,
        summary="Commit a held reservation: the stock is sold",
        description=(
            "on_hand and reserved both drop by each line's quantity. Committing a committed reservation "
            "answers it unchanged. A released or returned reservation is 409 `reservation_state_conflict`; "
            "an expired one (or a hold past its deadline) is 409 `reservation_expired`."
        ),
        request=None,
        responses={200: ReservationSerializer, 409: ConflictErrorResponseSerializer},
    )
    def post(self, request: Request, reservation_id: uuid.UUID) -> Response:
        return super().post(request, reservation_id)

    def transition(self, request: Request, reservation_id: uuid.UUID) -> ReservationStatus:
        return reservation_commit(reservation_id=reservation_id, caller=token_user(request).principal)


class ReservationReleaseView(_ReservationTransitionView):
    @extend_schema(
        operation_id="reservations_release",
        tags=TAGS,
        summary="Release a held reservation: the stock is free again",
        description=(
            "reserved drops by each line's quantity. Releasing a released or expired reservation answers it "
            "unchanged; a committed one is 409 `reservation_state_conflict` (return it instead)."
        ),
        request=None,
        responses={200: ReservationSerializer, 409: ConflictErrorResponseSerializer},
    )
    def post(self, request: Request, reservation_id: uuid.UUID) -> Response:
        return super().post(request, reservation_id)

    def transition(self, request: Request, reservation_id: uuid.UUID) -> ReservationStatus:
        return reservation_release(reservation_id=reservation_id, caller=token_user(request).principal)


class ReservationReturnView(_ReservationTransitionView):
    @extend_schema(
        operation_id="reservations_return",
        tags=TAGS,
        summary="Return a committed reservation: the stock is back on hand",
        description=(
            "on_hand rises by each line's quantity (e.g. a cancelled order). Returning a returned "
            "reservation answers it unchanged; any other state is 409 `reservation_state_conflict`."
        ),
        request=None,
        responses={200: ReservationSerializer, 409: ConflictErrorResponseSerializer},
    )
    def post(self, request: Request, reservation_id: uuid.UUID) -> Response:
        return super().post(request, reservation_id)

    def transition(self, request: Request, reservation_id: uuid.UUID) -> ReservationStatus:
        return reservation_return(reservation_id=reservation_id, caller=token_user(request).principal)


class ReservationStatesView(CatalogAPIView):
    permission_classes = (require_scope(SCOPE) | IsStaff,)

    @extend_schema(
        operation_id="reservations_states",
        tags=TAGS,
        summary="The states of several reservations, by id",
        description=(
            f"Up to {MAX_STATE_IDS} ids in one request, answered from one indexed query: each reservation's "
            "`status`, `reference` and `updated_at`, in the order asked; ids that are no reservation of the "
            "caller's are listed in `unknown`. A service sees its own reservations only; staff see every one. "
            "Nothing changes, so the request is safe to repeat. It serves a caller's reconciliation of its "
            "records against catalog's (orders checks its orders' reservations in batches)."
        ),
        request=ReservationStatesQuerySerializer,
        responses=ReservationStatesSerializer,
    )
    def post(self, request: Request) -> Response:
        query = ReservationStatesQuerySerializer(data=request.data)
        query.is_valid(raise_exception=True)
        user = token_user(request)
        ids: list[uuid.UUID] = query.validated_data["ids"]
        found = reservation_states(reservation_ids=ids, caller=None if user.is_staff else user.principal)
        known = {reservation.pk for reservation in found}
        unknown = [pk for pk in dict.fromkeys(ids) if pk not in known]
        return Response(ReservationStatesSerializer({"results": found, "unknown": unknown}).data)
