"""Bases for documenting the error bodies drf-standardized-errors has no serializer for (409, 412,
422, 503, ...), in its standard shape: ``{"type": ..., "errors": [{"code", "detail", "attr"}]}``.

A service subclasses them with its own error codes (and any extra fields); the component names
are the subclasses' own, so each service's schema keeps its own error names. The bases have no
docstrings: drf-spectacular would inherit one as every subclass's description. ::

    class ConflictErrorSerializer(ErrorSerializer):
        code = serializers.ChoiceField(choices=ConflictErrorCode.choices)

    class ConflictErrorResponseSerializer(ClientErrorResponseSerializer):
        errors = ConflictErrorSerializer(many=True)
"""

from __future__ import annotations

from typing import Any

from drf_standardized_errors.openapi_serializers import ClientErrorEnum, ServerErrorEnum
from rest_framework import serializers

from common.errors import AUTHENTICATION_UNAVAILABLE_CODE, DATABASE_UNAVAILABLE_CODE
from common.fields import StrictCharField


# One error of the standard shape. A subclass narrows ``code`` to its enum; redeclared in a
# subclass, a field keeps its place, so the documented order is always code, detail, attr.
class ErrorSerializer(serializers.Serializer[Any]):
    code = serializers.ChoiceField(choices=())
    detail = StrictCharField()
    attr = StrictCharField(allow_null=True)


# A 4xx body; a subclass declares ``errors`` with its own ``ErrorSerializer``.
class ClientErrorResponseSerializer(serializers.Serializer[Any]):
    type = serializers.ChoiceField(choices=ClientErrorEnum.choices)
    # The field of the error shape; the stubs know only Serializer.errors, the validation result.
    errors = ErrorSerializer(many=True)  # type: ignore[assignment]


# A 5xx body; a subclass declares ``errors`` with its own ``ErrorSerializer``.
class ServerErrorResponseSerializer(serializers.Serializer[Any]):
    type = serializers.ChoiceField(choices=ServerErrorEnum.choices)
    errors = ErrorSerializer(many=True)  # type: ignore[assignment]


# What gunicorn answers itself, before any view runs (common/gunicorn_conf.py writes these in the
# standard shape): a request line over its limit, and header fields over theirs. Any operation
# can draw them, so every operation documents them (common/schema.py).
class ContentTooLargeErrorSerializer(ErrorSerializer):
    code = serializers.ChoiceField(choices=[("content_too_large", "content_too_large")])


# A body over its limit (common/request_limits.py): any operation can draw it, whatever it reads.
class ErrorResponse413Serializer(ClientErrorResponseSerializer):
    errors = ContentTooLargeErrorSerializer(many=True)


class UriTooLongErrorSerializer(ErrorSerializer):
    code = serializers.ChoiceField(choices=[("uri_too_long", "uri_too_long")])


class ErrorResponse414Serializer(ClientErrorResponseSerializer):
    errors = UriTooLongErrorSerializer(many=True)


class HeaderFieldsTooLargeErrorSerializer(ErrorSerializer):
    code = serializers.ChoiceField(choices=[("request_header_fields_too_large", "request_header_fields_too_large")])


class ErrorResponse431Serializer(ClientErrorResponseSerializer):
    errors = HeaderFieldsTooLargeErrorSerializer(many=True)


class DatabaseUnavailableErrorSerializer(ErrorSerializer):
    code = serializers.ChoiceField(choices=[(DATABASE_UNAVAILABLE_CODE, DATABASE_UNAVAILABLE_CODE)])


# A request that lost its database (common/exception_handler.py): any operation can draw it.
class ErrorResponse503Serializer(ServerErrorResponseSerializer):
    errors = DatabaseUnavailableErrorSerializer(many=True)


class UnavailableErrorSerializer(ErrorSerializer):
    code = serializers.ChoiceField(
        choices=[(code, code) for code in (AUTHENTICATION_UNAVAILABLE_CODE, DATABASE_UNAVAILABLE_CODE)]
    )


# The same, in a service whose operations verify tokens with keys fetched from accounts
# (common/auth/keys.py), which may not be had.
class ErrorResponse503VerifyingTokensSerializer(ServerErrorResponseSerializer):
    errors = UnavailableErrorSerializer(many=True)


# --- one shared error shape per kind of error, in every schema ------------------------------------
#
# drf-standardized-errors documents a 400 per operation (a component per field, told apart by
# ``attr``) and each other status with its own component: a generated client then has 10-16
# error classes per operation. The hook below replaces all of them with two shared components,
# ``ValidationErrorResponse`` (400) and ``ErrorResponse`` (every other 4xx and 5xx), whose
# ``code`` enums hold every code the service documents; which ``attr`` and ``code`` each
# operation answers stays in that response's description.

VALIDATION_ERROR_RESPONSE = "ValidationErrorResponse"
ERROR_RESPONSE = "ErrorResponse"
_REF = "#/components/schemas/"
# The fields of every error; anything else an error carries (catalog's ``sku`` of a short line)
# becomes an optional field of the shared shape.
_STANDARD_FIELDS = ("code", "detail", "attr")
_RETRY_AFTER_HEADER = {"schema": {"type": "integer"}, "description": "Seconds to wait before retrying."}


def shared_error_components(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: every error response refers to a shared shape."""
    schemas: dict[str, Any] = result.get("components", {}).get("schemas", {})
    kinds: dict[str, _ErrorKind] = {
        VALIDATION_ERROR_RESPONSE: _ErrorKind(
            "A 400: the request is malformed (`type` `client_error`, code `parse_error`) or a value is "
            "refused (`type` `validation_error`; `attr` names the field, `null` or `non_field_errors` "
            "the request as a whole). Each operation lists the `attr` and `code` it answers."
        ),
        ERROR_RESPONSE: _ErrorKind(
            "Any other error (401, 403, 404, 409, 412, 413, 422, 429, 5xx ...). Each operation lists "
            "the codes it answers with each status."
        ),
    }
    replaced: set[str] = set()
    for item in result.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for status, response in operation.get("responses", {}).items():
                if status[0] not in "45":
                    continue
                media = response.get("content", {}).get("application/json")
                if media is None:
                    continue
                shape = VALIDATION_ERROR_RESPONSE if status == "400" else ERROR_RESPONSE
                found = _errors_of(schemas, media["schema"], replaced)
                kinds[shape].add(found)
                media["schema"] = {"$ref": _REF + shape}
                # Errors are JSON whatever the client asked for (a CSV export's too): the other
                # media types drf-spectacular copies from the view's renderers never answer one.
                for other in list(response["content"]):
                    if other != "application/json":
                        _errors_of(schemas, response["content"].pop(other)["schema"], replaced)
                response["description"] = _describe(found, by_attr=status == "400")
                if status == "503":  # every 503 says when to retry (common.errors.ServiceUnavailableError)
                    response.setdefault("headers", {}).setdefault("Retry-After", _RETRY_AFTER_HEADER)
    for shape, kind in kinds.items():
        if kind.codes:
            schemas.update(kind.components(shape))
    _drop_unreferenced(result, candidates=replaced)
    return result


class _ErrorKind:
    def __init__(self, description: str) -> None:
        self.description = description
        self.types: set[str] = set()
        self.codes: set[str] = set()
        self.extra: dict[str, Any] = {}

    def add(self, found: _Found) -> None:
        self.types |= found.types
        self.codes |= {code for codes in found.codes.values() for code in codes}
        for name, schema in found.extra.items():
            known = self.extra.setdefault(name, dict(schema))
            # The same extra field on errors of several codes: one field, each meaning told.
            if schema.get("description") and schema["description"] not in known.get("description", ""):
                known["description"] = f"{known['description']} {schema['description']}".strip()

    def components(self, shape: str) -> dict[str, Any]:
        item = shape.removesuffix("Response")
        properties: dict[str, Any] = {
            "code": {"$ref": f"{_REF}{item}CodeEnum"},
            "detail": {"type": "string"},
            "attr": {"type": "string", "nullable": True},
        }
        properties.update(dict(sorted(self.extra.items())))
        return {
            shape: {
                "type": "object",
                "description": self.description,
                "properties": {
                    "type": {"$ref": f"{_REF}{shape}TypeEnum"},
                    "errors": {"type": "array", "items": {"$ref": _REF + item}},
                },
                "required": ["errors", "type"],
            },
            f"{shape}TypeEnum": {"enum": sorted(self.types), "type": "string"},
            item: {"type": "object", "properties": properties, "required": ["attr", "code", "detail"]},
            f"{item}CodeEnum": {"enum": sorted(self.codes), "type": "string"},
        }


class _Found:
    def __init__(self) -> None:
        self.types: set[str] = set()
        # attr (None: null or not named) -> codes
        self.codes: dict[str | None, set[str]] = {}
        self.extra: dict[str, Any] = {}


def _errors_of(schemas: dict[str, Any], node: Any, replaced: set[str]) -> _Found:
    """The types, codes by attr and extra fields of the errors an error response documents."""
    found = _Found()

    def enum(schema: Any) -> list[Any]:
        while isinstance(schema, dict) and "$ref" in schema:
            replaced.add(schema["$ref"].removeprefix(_REF))
            schema = schemas[schema["$ref"].removeprefix(_REF)]
        return list(schema.get("enum", [])) if isinstance(schema, dict) else []

    def visit(schema: Any) -> None:
        if isinstance(schema, list):
            for value in schema:
                visit(value)
            return
        if not isinstance(schema, dict):
            return
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith(_REF):
            name = ref.removeprefix(_REF)
            replaced.add(name)
            visit(schemas[name])
            return
        properties = schema.get("properties", {})
        if "type" in properties and "errors" in properties:
            found.types.update(enum(properties["type"]))
        if "code" in properties and "detail" in properties:
            attrs = enum(properties.get("attr")) or [None]
            for attr in attrs:
                found.codes.setdefault(attr, set()).update(enum(properties["code"]))
            for name, field in properties.items():
                if name not in _STANDARD_FIELDS:
                    found.extra.setdefault(name, field)
            return
        for key in ("oneOf", "anyOf", "allOf", "items"):
            visit(schema.get(key))
        for value in properties.values():
            visit(value)

    visit(node)
    return found


def _describe(found: _Found, *, by_attr: bool) -> str:
    def codes(values: set[str]) -> str:
        return ", ".join(f"`{code}`" for code in sorted(values))

    if not by_attr:
        return "Codes: " + codes({code for values in found.codes.values() for code in values}) + "."
    # A list item's or dict entry's field is documented with a placeholder (``lines.INDEX.sku``);
    # the error names the real index or key (``lines.3.sku``).
    lines = [
        f"- `{'null' if attr is None else attr.replace('INDEX', '<index>').replace('KEY', '<key>')}`: " + codes(values)
        for attr, values in sorted(found.codes.items(), key=lambda entry: (entry[0] is not None, entry[0] or ""))
    ]
    return "The `attr` and `code` of each error this operation answers:\n\n" + "\n".join(lines)


def _drop_unreferenced(result: dict[str, Any], *, candidates: set[str]) -> None:
    """Remove the components among ``candidates`` (and those they named) that nothing names now."""
    schemas: dict[str, Any] = result.get("components", {}).get("schemas", {})
    while True:
        named = _refs({key: value for key, value in result.items() if key != "components"})
        named |= _refs(schemas)
        unused = [name for name in list(schemas) if name not in named and name in candidates]
        if not unused:
            return
        for name in unused:
            candidates.add(name)
            del schemas[name]


def _refs(node: Any) -> set[str]:
    found: set[str] = set()
    stack = [node]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            ref = value.get("$ref")
            if isinstance(ref, str) and ref.startswith(_REF):
                found.add(ref.removeprefix(_REF))
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return found
