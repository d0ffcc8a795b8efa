"""The console log format (``LOG_FORMAT=console``): one short, readable line per record.

Production and the chart keep JSON (``LOG_FORMAT=json``, the default), which log pipelines
parse; the dev runner (scripts/run.py) sets ``console``, for a person reading a terminal. A
request record (common.middleware.RequestLogMiddleware) becomes

    20:41:07 catalog         INFO  GET /api/v1/products/ 200 12ms user=42

and any other record ``time name level message``, with its traceback (if any) indented below.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any

# ANSI colours, used only when the output is a terminal (see ``_colour_wanted``).
_RESET = "\033[0m"
_DIM = "\033[2m"
_LEVEL_COLOURS = {
    "DEBUG": "\033[2m",
    "INFO": "\033[32m",
    "WARNING": "\033[33m",
    "ERROR": "\033[31m",
    "CRITICAL": "\033[1;31m",
}
_LEVEL_NAMES = {"WARNING": "WARN", "CRITICAL": "CRIT"}
_NAME_COLOURS = ("\033[36m", "\033[35m", "\033[34m", "\033[33m", "\033[32m")
_SERVICE_COLOURS = {"accounts": "\033[36m", "catalog": "\033[35m", "orders": "\033[34m"}
_NAME_WIDTH = 15
_OWN_LOGGERS = ("mercato", "common", "accounts_service", "catalog_service", "orders_service", "root")


def _colour_wanted() -> bool:
    # The dev runner reads its children's output through pipes, so it says whether its own
    # terminal takes colour (FORCE_COLOR); NO_COLOR (no-color.org) always wins.
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return os.isatty(2)


def name_colour(name: str) -> str:
    """The colour of a process's name: one per service, its worker sharing it."""
    service = name.split("-", 1)[0]
    return _SERVICE_COLOURS.get(service) or _NAME_COLOURS[sum(map(ord, service)) % len(_NAME_COLOURS)]


def status_colour(status: int) -> str:
    if status >= 500:
        return "\033[31m"
    if status >= 400:
        return "\033[33m"
    if status >= 300:
        return "\033[36m"
    return "\033[32m"


class ConsoleFormatter(logging.Formatter):
    """``time name level message``; ``name`` is LOG_NAME (the dev runner sets ``catalog-worker``
    for catalog's worker) or the service."""

    def __init__(self, service: str = "", colour: bool | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.name = os.environ.get("LOG_NAME") or service
        self.colour = _colour_wanted() if colour is None else colour

    def _paint(self, colour: str, text: str) -> str:
        return f"{colour}{text}{_RESET}" if self.colour else text

    def format(self, record: logging.LogRecord) -> str:
        stamp = time.strftime("%H:%M:%S", time.localtime(record.created))
        level = _LEVEL_NAMES.get(record.levelname, record.levelname)
        parts = [
            self._paint(_DIM, stamp),
            self._paint(name_colour(self.name), f"{self.name:<{_NAME_WIDTH}}"),
            self._paint(_LEVEL_COLOURS.get(record.levelname, ""), f"{level:<5}"),
            self._message(record),
        ]
        line = " ".join(parts)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line += "\n" + "\n".join(f"    {text}" for text in record.exc_text.splitlines())
        return line

    def _message(self, record: logging.LogRecord) -> str:
        fields = record.__dict__
        if record.name == "mercato.request" and "status" in fields:
            status = int(fields["status"])
            text = " ".join(
                [
                    str(fields.get("method")),
                    str(fields.get("path")),
                    self._paint(status_colour(status), str(status)),
                    f"{float(fields.get('duration_ms') or 0):.0f}ms",
                ]
            )
            if fields.get("user"):
                text += f" user={fields['user']}"
            return text
        message = record.getMessage()
        # A record from a library names it, so a reader knows where an unexpected line comes from.
        if not record.name.startswith(_OWN_LOGGERS):
            message = f"{message} {self._paint(_DIM, f'[{record.name}]')}"
        return message


class SkipSuccessfulProbes(logging.Filter):
    """Drops the request lines of answered probes (/healthz, /readyz, /metrics) from the console:
    the dev runner polls /readyz while it starts, and they say nothing a person needs. A failed
    probe still shows."""

    paths = frozenset({"/healthz", "/readyz", "/metrics"})

    def filter(self, record: logging.LogRecord) -> bool:
        fields = record.__dict__
        return not (
            record.name == "mercato.request" and fields.get("path") in self.paths and int(fields.get("status", 0)) < 400
        )
