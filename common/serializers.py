"""The one rule for request bodies in every service: a key the body may not have is refused.

DRF drops keys a serializer does not know. A client's typo (``"lable"`` for ``"label"``) or an
attempt to set what it may not (``status``, ``total``, an owner, a read-only ``id``) would then
pass unnoticed; with this base it is a 400 naming the key (``attr``), code ``not_allowed``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Final

from django.db import models
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from common.fields import (
    StrictCharField,
    StrictDecimalField,
    StrictEmailField,
    StrictSlugField,
    StrictURLField,
    StrictUUIDField,
)

UNKNOWN_FIELD_CODE: Final = "not_allowed"
UNKNOWN_FIELD_MESSAGE: Final = "Unknown field: this request does not take it."


# Every serializer of a request body derives from this one (first, before a ``ModelSerializer``),
# nested ones too: a nested object's unknown key is named by its path (``shipping_address.nmae``,
# ``lines.2.price``). No docstring: drf-spectacular would give it to every subclass without one
# as its schema description.
class StrictSerializer(serializers.Serializer[Any]):
    # Read by common.schema.AutoSchema: the request component says ``additionalProperties:
    # false``, and the 400 documents ``not_allowed`` for any key.
    refuses_unknown_fields: Final = True
    # A ModelSerializer's fields are the strict ones too (common/fields.py); read by
    # ModelSerializer, which comes after this class in a request serializer's bases.
    serializer_field_mapping: ClassVar[
        dict[type[models.Field[Any, Any]], type[serializers.Field[Any, Any, Any, Any]]]
    ] = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.EmailField: StrictEmailField,
        models.SlugField: StrictSlugField,
        models.URLField: StrictURLField,
        models.UUIDField: StrictUUIDField,
        models.DecimalField: StrictDecimalField,
    }

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, Mapping):
            # Read-only fields are not part of a request (the request schema leaves them out):
            # sending one is refused like any other key rather than silently dropped.
            writable = {name for name, field in self.fields.items() if not field.read_only}
            unknown = sorted(str(key) for key in data if key not in writable)
            if unknown:
                raise serializers.ValidationError(
                    {key: [ErrorDetail(UNKNOWN_FIELD_MESSAGE, code=UNKNOWN_FIELD_CODE)] for key in unknown}
                )
        return super().to_internal_value(data)
