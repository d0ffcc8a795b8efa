from __future__ import annotations

from typing import Any

from rest_framework import serializers

from catalog_service.catalog.api.serializers.common import IdField
from common.fields import StrictCharField, StrictSlugField
from common.serializers import StrictSerializer


class CategorySerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    name = StrictCharField()
    slug = StrictSlugField()
    parent = serializers.IntegerField(  # type: ignore[assignment]  # a field, not Field.parent
        source="parent_id", allow_null=True, help_text="The parent's id; null for a root."
    )
    depth = serializers.IntegerField(help_text="1 for a root, 2 for its children, and so on.")
    updated_at = serializers.DateTimeField()


class CategoryWriteSerializer(StrictSerializer):
    name = StrictCharField(max_length=200)
    slug = StrictSlugField(max_length=200)
    parent = IdField(  # type: ignore[assignment]  # a field, not Field.parent
        allow_null=True,
        required=False,
        default=None,
        help_text="The parent's id; null (or absent) for a root. Changing it moves the subtree.",
    )
