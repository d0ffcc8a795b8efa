from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from catalog_service.catalog.api.errors import ConflictErrorResponseSerializer, UnprocessableErrorResponseSerializer
from catalog_service.catalog.api.filters import AvailabilityParametersSerializer
from catalog_service.catalog.api.serializers.stock import (
    MAX_AVAILABILITY_SKUS,
    AvailabilityQuerySerializer,
    AvailabilitySerializer,
    StockAdjustmentCreateSerializer,
    StockAdjustmentSerializer,
    StockLevelSerializer,
    StockMovementSerializer,
)
from catalog_service.catalog.api.views.base import CatalogAPIView, is_staff
from catalog_service.catalog.models import SKU_PATTERN, MovementReason, StockAdjustmentKey
from catalog_service.catalog.selectors.stock import (
    MOVEMENTS_KEYSET,
    stock_adjustment_get,
    stock_availability,
    stock_level_get,
    stock_movement_list,
)
from catalog_service.catalog.services.stock import AdjustmentMode, StockAdjustment, stock_adjust
from common.auth.authentication import token_user
from common.auth.permissions import IsStaff
from common.idempotency import (
    IDEMPOTENCY_HEADER,
    IdempotencyContext,
    Performed,
    idempotent_response,
    optional_idempotency_key,
)
from common.pagination import KeysetPagination
from common.query_params import document_query_errors
from common.replicas import reads_from_replica
from common.schema import idempotency_key_parameter, replayed_parameter

TAGS = ["stock"]


# The services check the resulting stock (catalog.services.stock).
@extend_validation_errors(["insufficient_stock", "out_of_range"], field_name="quantity", methods=["post"])
@extend_validation_errors(["invalid"], field_name=IDEMPOTENCY_HEADER, methods=["post"])
class StockAdjustmentCreateView(CatalogAPIView):
    permission_classes = (IsStaff,)

    @extend_schema(
        operation_id="stock_adjustments_create",
        tags=TAGS,
        summary="Adjust a product's stock (staff)",
        description=(
            "Sets on_hand to a counted quantity, or adds a (possibly negative) quantity to it, and records "
            "the change as a stock movement. Atomic under concurrency; on_hand can never drop below what "
            "reservations hold (409 `insufficient_stock`).\n\n"
            "With an `Idempotency-Key`, a retry cannot count an adjustment twice: the same key with the same "
            "body answers the first response again (header `Idempotent-Replayed: true`) for at least 24 hours, "
            "with a different body 422 `idempotency_key_reused`, and while the first request still runs 409 "
            "`idempotency_request_in_flight` (`Retry-After`). A refused adjustment stores nothing, so it can be "
            "retried with the same key."
        ),
        parameters=[
            idempotency_key_parameter(
                required=False, description="Unique per adjustment you mean to make (e.g. a UUID). Recommended."
            ),
            replayed_parameter(201),
            OpenApiParameter(
                "Retry-After", int, OpenApiParameter.HEADER, response=[409], description="Seconds to wait."
            ),
        ],
        request=StockAdjustmentCreateSerializer,
        responses={
            201: StockAdjustmentSerializer,
            409: ConflictErrorResponseSerializer,
            422: UnprocessableErrorResponseSerializer,
        },
    )
    def post(self, request: Request, sku: str) -> Response:
        key = optional_idempotency_key(request)
        body = StockAdjustmentCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        actor = token_user(request).principal

        def adjust(idempotency: IdempotencyContext | None) -> StockAdjustment:
            return stock_adjust(
                sku=sku,
                mode=AdjustmentMode(data["mode"]),
                quantity=data["quantity"],
                reason=MovementReason(data["reason"]),
                actor=actor,
                note=data["note"],
                reference=data["reference"],
                idempotency=idempotency,
            )

        if key is None:
            return Response(StockAdjustmentSerializer(adjust(None)).data, status=status.HTTP_201_CREATED)

        def perform(idempotency: IdempotencyContext) -> Performed:
            adjustment = adjust(idempotency)
            assert adjustment.idempotency_record_id is not None
            answer = StockAdjustmentSerializer(adjustment).data
            return Performed(status.HTTP_201_CREATED, answer, {}, record_id=adjustment.idempotency_record_id)

        def answer_for_movement(movement_id: int) -> tuple[int, Any, dict[str, str]]:
            adjustment = stock_adjustment_get(movement_id=movement_id)
            return status.HTTP_201_CREATED, StockAdjustmentSerializer(adjustment).data, {}

        return idempotent_response(
            StockAdjustmentKey,
            request,
            principal=actor,
            key=key,
            perform=perform,
            answer_for_resource=answer_for_movement,
        )


class StockLevelDetailView(CatalogAPIView):
    permission_classes = (IsStaff,)

    @extend_schema(
        operation_id="stock_levels_retrieve",
        tags=TAGS,
        summary="A product's stock level (staff)",
        responses=StockLevelSerializer,
    )
    def get(self, request: Request, sku: str) -> Response:
        return Response(StockLevelSerializer(stock_level_get(sku=sku)).data)


@reads_from_replica
class StockMovementListView(CatalogAPIView):
    permission_classes = (IsStaff,)
    pagination_class: type[KeysetPagination] = KeysetPagination

    @extend_schema(
        operation_id="stock_movements_list",
        tags=TAGS,
        summary="A product's stock movements, newest first (staff)",
        responses=StockMovementSerializer(many=True),
    )
    def get(self, request: Request, sku: str) -> Response:
        paginator = self.pagination_class()
        page = paginator.paginate(stock_movement_list(sku=sku), request, keyset=MOVEMENTS_KEYSET)
        return paginator.get_paginated_response(StockMovementSerializer(page, many=True).data)


@document_query_errors(AvailabilityParametersSerializer)
class AvailabilityView(CatalogAPIView):
    permission_classes = (AllowAny,)

    @extend_schema(
        operation_id="stock_availability_retrieve",
        tags=TAGS,
        summary="Available quantities of several SKUs",
        description=f"Repeat `sku` (up to {MAX_AVAILABILITY_SKUS}). The same as the POST, for caches and links.",
        parameters=[
            OpenApiParameter(
                "sku", str, many=True, required=True, pattern=SKU_PATTERN, description="A SKU; repeat for more."
            ),
        ],
        responses=AvailabilitySerializer,
    )
    def get(self, request: Request) -> Response:
        query = AvailabilityParametersSerializer(data={"sku": request.query_params.getlist("sku")})
        return self._answer(query, request)

    @extend_schema(
        operation_id="stock_availability_create",
        tags=TAGS,
        summary="Available quantities of several SKUs",
        description=(
            f"What can be reserved now for each of up to {MAX_AVAILABILITY_SKUS} SKUs, in one query. "
            "Nothing is held: a reservation may still find less."
        ),
        request=AvailabilityQuerySerializer,
        responses=AvailabilitySerializer,
    )
    def post(self, request: Request) -> Response:
        return self._answer(AvailabilityQuerySerializer(data=request.data), request)

    def _answer(self, query: serializers.Serializer[Any], request: Request) -> Response:
        query.is_valid(raise_exception=True)
        report = stock_availability(skus=query.validated_data["skus"], include_inactive=is_staff(request))
        return Response(AvailabilitySerializer(report).data)
