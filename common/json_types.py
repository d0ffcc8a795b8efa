"""JSON bodies keep their types: a string field takes a string, a decimal string a string;
and a string's length is the length sent.

DRF coerces for convenience: ``CharField`` takes ``0`` as ``"0"``, ``DecimalField`` takes
``9.5`` for ``"9.50"``, ``UUIDField`` takes ``5`` (and ``false``, a JSON boolean being a Python
int) as ``UUID(int=5)``. The schemas promise ``type: string`` for both, and a client sending a
number there has a bug that it should hear about, not have silently "fixed" (a number also
loses precision that the decimal string keeps). Form and multipart bodies are unaffected:
every value they carry is a string already.

DRF also checks a string's max_length after trimming its spaces, so " x" passes a limit of 1
that the schema (``maxLength``) says it breaks.

DRF has no setting for this and every serializer uses its fields, so ``refuse_coerced_types``
(run once from ``CommonConfig.ready``) puts the check in front of the two fields' own parsing.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.settings import api_settings


def refuse_coerced_types() -> None:
    char_to_internal = serializers.CharField.to_internal_value
    decimal_to_internal = serializers.DecimalField.to_internal_value
    uuid_to_internal = serializers.UUIDField.to_internal_value

    def char_field_to_internal_value(self: serializers.CharField, data: Any) -> Any:
        if not isinstance(data, str):
            self.fail("invalid")
        # The schema's maxLength is the length sent: measured before the field trims spaces.
        if self.max_length is not None and len(data) > self.max_length:
            self.fail("max_length", max_length=self.max_length)
        return char_to_internal(self, data)

    def decimal_field_to_internal_value(self: serializers.DecimalField, data: Any) -> Any:
        # A decimal documented as a string (the default, COERCE_DECIMAL_TO_STRING) is one.
        as_string = getattr(self, "coerce_to_string", api_settings.COERCE_DECIMAL_TO_STRING)
        if as_string and not isinstance(data, str):
            self.fail("invalid")
        return decimal_to_internal(self, data)

    def uuid_field_to_internal_value(self: serializers.UUIDField, data: Any) -> Any:
        # The schema says ``type: string, format: uuid``; a number is no id.
        if not isinstance(data, str):
            self.fail("invalid", value=data)
        return uuid_to_internal(self, data)

    serializers.CharField.to_internal_value = char_field_to_internal_value  # type: ignore[method-assign,assignment]
    serializers.DecimalField.to_internal_value = decimal_field_to_internal_value  # type: ignore[method-assign,assignment]
    serializers.UUIDField.to_internal_value = uuid_field_to_internal_value  # type: ignore[method-assign,assignment]
