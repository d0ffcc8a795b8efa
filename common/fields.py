"""The serializer fields of every service: JSON bodies keep their types, and a string's length is
the length sent.

DRF coerces for convenience: ``CharField`` takes ``0`` as ``"0"``, ``DecimalField`` takes
``9.5`` for ``"9.50"``, ``UUIDField`` takes ``5`` (and ``false``, a JSON boolean being a Python
int) as ``UUID(int=5)``. The schemas promise ``type: string`` for each, and a client sending a
number there has a bug that it should hear about (a 400 ``invalid``), not have silently "fixed"
(a number also loses precision that the decimal string keeps). Form, multipart and query values
are strings already, so these fields take them as DRF's do.

DRF also checks a string's max_length after trimming its spaces, so " x" passes a limit of 1
that the schema (``maxLength``) says it breaks.

Our serializers use these fields, never DRF's plain ones (a lint rule, ``banned-api`` in
pyproject.toml, says so), and ``StrictSerializer`` maps a ModelSerializer's model fields to them.
Third-party serializers keep DRF's behaviour.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.settings import api_settings


class StrictCharField(serializers.CharField):
    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        # The schema's maxLength is the length sent: measured before the field trims spaces.
        if self.max_length is not None and len(data) > self.max_length:
            self.fail("max_length", max_length=self.max_length)
        return super().to_internal_value(data)


class StrictRegexField(StrictCharField, serializers.RegexField):
    pass


class StrictEmailField(StrictCharField, serializers.EmailField):
    pass


class StrictSlugField(StrictCharField, serializers.SlugField):
    pass


class StrictURLField(StrictCharField, serializers.URLField):
    pass


class StrictDecimalField(serializers.DecimalField):
    def to_internal_value(self, data: Any) -> Any:
        # A decimal documented as a string (the default, COERCE_DECIMAL_TO_STRING) is one.
        as_string = getattr(self, "coerce_to_string", api_settings.COERCE_DECIMAL_TO_STRING)
        if as_string and not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictUUIDField(serializers.UUIDField):
    def to_internal_value(self, data: Any) -> Any:
        # The schema says ``type: string, format: uuid``; a number is no id.
        if not isinstance(data, str):
            self.fail("invalid", value=data)
        return super().to_internal_value(data)
