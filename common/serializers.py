"""The one rule for request bodies in every service: a key the body may not have is refused.

DRF drops keys a serializer does not know. A client's typo (``"lable"`` for ``"label"``) or an
attempt to set what it may not (``status``, ``total``, an owner, a read-only ``id``) would then
pass unnoticed; with this base it is a 400 naming the key (``attr``), code ``not_allowed``.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any, ClassVar, Final

from django.db import models
from django.utils.functional import cached_property
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail
from rest_framework.utils.serializer_helpers import BindingDict

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


# The context that marks the one instance of a PrebuiltFields class whose fields every other
# instance shares (it builds them the ordinary way).
_TEMPLATE_CONTEXT: Final = "prebuilt_fields_template"
_templates: dict[type[serializers.Serializer[Any]], serializers.Serializer[Any]] = {}
_templates_lock = threading.Lock()


# A request serializer whose fields are built once per process, not per request.
#
# DRF gives every serializer instance its own fields: a deep copy of the declared ones, which
# re-runs every field's ``__init__`` (validators included), nested serializers' too. On a hot
# POST that was the largest part of validating the body (1.3 ms of an order placement,
# docs/performance.md). Validation reads the fields but never changes them, so one bound set,
# kept on a template instance, serves every instance of the class, in every thread.
#
# What a field reads of its serializer while validating is the root's ``partial`` and
# ``context``, and a field's validators may read the root's ``instance``. So the fields are
# shared only by an instance like the template: not partial, no instance, no context;
# anything else builds its own as DRF does. Only for serializers that validate a body (an
# output field such as ``SerializerMethodField`` calls its parent, which would be the
# template), and never change ``fields`` on an instance.
# No docstring, as StrictSerializer: drf-spectacular would give it to the subclasses' schemas.
class PrebuiltFields(serializers.Serializer[Any]):
    @cached_property
    def fields(self) -> BindingDict:
        if self.partial or self.instance is not None or self._context:
            return super().fields
        return _template(type(self)).fields


def _template(cls: type[PrebuiltFields]) -> serializers.Serializer[Any]:
    template = _templates.get(cls)
    if template is None:
        with _templates_lock:
            template = _templates.get(cls)
            if template is None:
                template = cls(context={_TEMPLATE_CONTEXT: True})
                _build_all(template)
                _templates[cls] = template
    return template


def _build_all(field: Any) -> None:
    """Build the fields of a serializer and of every serializer nested in it, before sharing."""
    if isinstance(field, serializers.ListSerializer | serializers.ListField | serializers.DictField):
        _build_all(field.child)
    elif isinstance(field, serializers.Serializer):
        for nested in field.fields.values():
            _build_all(nested)
