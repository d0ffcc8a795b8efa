"""A resource made by an idempotent POST, and its key records: one claimed before the work and
completed after it, one claimed with the answer (common/idempotency.py, the two ways a service
uses it: orders' placement and catalog's stock adjustments; catalog's reservations)."""

from __future__ import annotations

import datetime
from typing import ClassVar

from django.db import models

from common.idempotency import IdempotencyRecordBase


class Widget(models.Model):
    name = models.CharField(max_length=50)
    quantity = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.quantity} x {self.name}"


class WidgetKey(IdempotencyRecordBase):
    widget = models.ForeignKey(Widget, on_delete=models.CASCADE, null=True, blank=True, related_name="+")

    resource_field = "widget"

    class Meta:
        constraints: ClassVar = [models.UniqueConstraint(fields=["principal", "key"], name="widgetkey_principal_key")]


class LongWidgetKey(IdempotencyRecordBase):
    """Kept longer than the service's IDEMPOTENCY_TTL_SECONDS, as catalog's reservation keys."""

    widget = models.ForeignKey(Widget, on_delete=models.CASCADE, null=True, blank=True, related_name="+")

    resource_field = "widget"
    ttl = datetime.timedelta(days=30)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["principal", "key"], name="longwidgetkey_principal_key")
        ]
