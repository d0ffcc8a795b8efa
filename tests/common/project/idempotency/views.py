"""Two idempotent POSTs over Widget, written as the services write theirs."""

from __future__ import annotations

import threading
from typing import Any

from django.db import transaction
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from common.fields import StrictCharField
from common.idempotency import (
    IdempotencyContext,
    Performed,
    StoredResponse,
    idempotency_claim,
    idempotency_key,
    idempotent_response,
)
from common.serializers import StrictSerializer
from tests.common.project.idempotency.models import LongWidgetKey, Widget, WidgetKey

# Tests hold a request inside its transaction with these (set by the test, cleared after).
hold_inside: threading.Event | None = None
release_inside: threading.Event | None = None


class WidgetCreateSerializer(StrictSerializer):
    name = StrictCharField(max_length=50)
    quantity = serializers.IntegerField(min_value=1, max_value=1000)


def _principal(request: Request) -> str:
    # Who sent it: enough for these tests (the services take it from the verified token).
    return f"user:{request.query_params.get('as', 'alice')}"


def _answer(widget: Widget) -> tuple[int, Any, dict[str, str]]:
    body = {"id": widget.pk, "name": widget.name, "quantity": widget.quantity}
    return status.HTTP_201_CREATED, body, {"Location": f"/test/widgets/{widget.pk}/"}


def _wait_if_held() -> None:
    if hold_inside is not None and release_inside is not None:
        hold_inside.set()
        release_inside.wait(timeout=10)


class WidgetCreateView(APIView):
    """Claimed before the work, completed after it (orders' placement, catalog's stock adjustments)."""

    permission_classes = (AllowAny,)

    def post(self, request: Request) -> Response:
        key = idempotency_key(request)
        body = WidgetCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        principal = _principal(request)

        def perform(idempotency: IdempotencyContext) -> Performed:
            with transaction.atomic():
                widget = Widget.objects.create(**body.validated_data)
                record = idempotency_claim(
                    WidgetKey,
                    principal=principal,
                    key=idempotency.key,
                    fingerprint=idempotency.fingerprint,
                    widget=widget,
                )
                if widget.quantity == 13:  # refused inside the transaction: the claim goes with it
                    raise serializers.ValidationError({"quantity": ["Unlucky."]})
            # Committed: the key is in flight until the answer is stored.
            _wait_if_held()
            return Performed(*_answer(widget), record_id=record.pk)

        def answer_for_widget(widget_id: int) -> tuple[int, Any, dict[str, str]]:
            return _answer(Widget.objects.get(pk=widget_id))

        return idempotent_response(
            WidgetKey, request, principal=principal, key=key, perform=perform, answer_for_resource=answer_for_widget
        )


class WidgetCreateAnsweredView(APIView):
    """Claimed with its answer inside the transaction that does the work (catalog's reservations)."""

    permission_classes = (AllowAny,)

    def post(self, request: Request) -> Response:
        key = idempotency_key(request)
        body = WidgetCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        principal = _principal(request)

        def perform(idempotency: IdempotencyContext) -> Performed:
            with transaction.atomic():
                widget = Widget.objects.create(**body.validated_data)
                answer = StoredResponse(*_answer(widget))
                record = idempotency_claim(
                    LongWidgetKey,
                    principal=principal,
                    key=idempotency.key,
                    fingerprint=idempotency.fingerprint,
                    answer=answer,
                    widget=widget,
                )
                _wait_if_held()
                if widget.quantity == 13:  # refused inside the transaction: the claim goes with it
                    raise serializers.ValidationError({"quantity": ["Unlucky."]})
            return Performed(answer.status, answer.body, answer.headers, record_id=record.pk, completed=True)

        def answer_for_widget(widget_id: int) -> tuple[int, Any, dict[str, str]]:
            return _answer(Widget.objects.get(pk=widget_id))

        return idempotent_response(
            LongWidgetKey,
            request,
            principal=principal,
            key=key,
            perform=perform,
            answer_for_resource=answer_for_widget,
            look_up_first=False,
        )
