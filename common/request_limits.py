"""Limits on what a request may carry: the size of its body and the nesting of its JSON.

Both are checked before anything is parsed, in every service, so an oversized or deeply nested
request is a 4xx in the standard error shape, never a 500 (docs/api.md, "Limits"):

- A body longer than its view's limit (``DATA_UPLOAD_MAX_MEMORY_SIZE``, 2.5 MiB, unless the view
  names a larger setting, as catalog's product import does) is a 413 ``content_too_large``,
  answered from ``Content-Length`` by ``RequestBodyLimitMiddleware`` before the body is read,
  whoever sends it and whatever the view would have done with it.
- JSON nested deeper than ``JSON_MAX_DEPTH`` levels is a 400 ``parse_error``. Python's json
  module recurses once per level and fails with ``RecursionError`` near a thousand, which no
  caller expects; ``loads`` counts the levels first, without recursion.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from itertools import accumulate
from typing import Any, Final

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from common.errors import content_too_large

# The deepest JSON any request may carry, in a body, a query parameter or a cursor: arrays and
# objects together. The deepest body a Mercato API takes is an order (object, lines, line: 3);
# product attributes nest at most 5. 32 leaves room and stays far below Python's recursion limit.
JSON_MAX_DEPTH: Final = 32

# A JSON string, escapes included, in the unrolled form. An unterminated one runs to the end of
# the text (the closing quote is optional): otherwise every quote inside it would start another
# attempt to the end, quadratic time on a body of escaped quotes.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP: Final = {"[": 1, "{": 1, "]": -1, "}": -1}


class TooDeepError(ValueError):
    def __init__(self, limit: int) -> None:
        super().__init__(f"Nested deeper than {limit} levels.")


def exceeds_depth(text: str, limit: int = JSON_MAX_DEPTH) -> bool:
    """Whether the arrays and objects of a JSON text nest deeper than ``limit``.

    Strings are dropped (a bracket in a string is text), then the depth is the highest running
    count of opening minus closing brackets: linear time, all of it in C (about 0.2 s for 2 MB
    of brackets). The text need not be valid JSON; the parser judges that after.
    """
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0) > limit


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def loads(text: str | bytes, *, max_depth: int = JSON_MAX_DEPTH) -> Any:
    """``json.loads`` that refuses NaN and Infinity (not JSON) and nesting beyond ``max_depth``,
    both with a ``ValueError`` like any other malformed JSON."""
    if isinstance(text, bytes):
        text = text.decode()
    if exceeds_depth(text, max_depth):
        raise TooDeepError(max_depth)
    return json.loads(text, parse_constant=_refuse_constant)


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, with ``loads``: a body nested too deep is a 400 ``parse_error``."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        encoding = parsers.get_encoding(parser_context or {})  # type: ignore[attr-defined]
        try:
            return loads(stream.read().decode(encoding))
        except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, TooDeepError
            raise ParseError(f"JSON parse error - {exc}") from None


# --- body size ----------------------------------------------------------------------------------

# A view that takes larger bodies (an upload) names, per method, the setting holding its limit:
# ``request_body_limits = {"POST": "PRODUCT_IMPORT_MAX_BYTES"}``.
BODY_LIMITS_ATTRIBUTE: Final = "request_body_limits"


def body_limit(view_func: Callable[..., Any], method: str | None) -> int:
    """The largest body, in bytes, the view behind ``view_func`` takes with ``method``."""
    limits = getattr(getattr(view_func, "view_class", None), BODY_LIMITS_ATTRIBUTE, None) or {}
    limit: int = getattr(settings, limits.get(method or "", "DATA_UPLOAD_MAX_MEMORY_SIZE"))
    return limit


class RequestBodyLimitMiddleware:
    """Answers 413 to a request whose ``Content-Length`` is over its view's limit, unread.

    Django checks ``DATA_UPLOAD_MAX_MEMORY_SIZE`` only when a view reads the body, and raises
    ``RequestDataTooBig``, which a DRF view turned into a 500. Here the limit holds for every
    view of every service, before authentication (a stranger's 3 GB costs nothing) and whether
    or not the view reads the body. It runs as a view middleware, so the URL is resolved and a
    view can name a larger limit for a method; a body without ``Content-Length`` (chunked) is never read by
    Django, so it cannot get past this unseen.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        declared = request.META.get("CONTENT_LENGTH") or ""
        # gunicorn refuses a malformed Content-Length itself; anything else here is no length.
        if not declared.isascii() or not declared.isdigit():
            return None
        limit = body_limit(view_func, request.method)
        # More than 18 digits is more than any limit, and more than int() should be asked to read.
        if len(declared) > 18 or int(declared) > limit:
            return content_too_large(limit)
        return None
