"""What every typed client shares: operation declarations, a JSON codec for frozen dataclasses
and string enums, the standard error body, and the errors a call can end in."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import logging
import types
import typing
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Final, TypeVar, get_args, get_origin, get_type_hints

from common.http import CircuitOpen, Response, ServiceUnavailable, service_client

logger = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Operation:
    """One operation of a downstream's API, as its openapi.yaml names it."""

    service: str
    operation_id: str
    method: str
    path: str  # a template: /api/v1/reservations/{reservation_id}/
    request: type[Any] | None = None  # the JSON body's dataclass
    response: type[Any] | None = None  # the success body's dataclass
    # Documented error bodies this client reads (status -> dataclass), beyond the status.
    errors: tuple[tuple[int, type[Any]], ...] = ()

    def path_for(self, **params: str) -> str:
        return self.path.format(**params)


# --- errors -------------------------------------------------------------------------------------


class DownstreamError(Exception):
    """Base of every way a call to another service can end other than as the contract says."""


class DownstreamUnavailable(DownstreamError):
    """No definite answer: no answer at all, a 5xx, a circuit that is open, or an answer outside
    the contract. For a write it is unknown whether it happened; repeating it is the only way
    to find out (with the same Idempotency-Key)."""

    def __init__(self, service: str, reason: str, *, retry_after: float | None = None) -> None:
        super().__init__(f"{service}: {reason}")
        self.service = service
        self.reason = reason
        # Set when the circuit is open: nothing was sent, and this is when to try again.
        self.retry_after = retry_after


class AnswerOutsideContract(DownstreamUnavailable):
    """The downstream answered, but not as its schema says: as ambiguous as no answer for the
    saga, and a bug to log loudly rather than a passing fault."""


class DownstreamRefused(DownstreamError):
    """A definite 4xx that the caller has no more specific error for."""

    def __init__(self, service: str, status: int, codes: tuple[str, ...]) -> None:
        super().__init__(f"{service} refused with {status} {', '.join(codes)}")
        self.service = service
        self.status = status
        self.codes = codes


def send(operation: Operation, *, path: str | None = None, **kwargs: Any) -> Response:
    """Call ``operation`` through its service's one HTTP client.

    An open circuit or a transport failure becomes DownstreamUnavailable: the caller cannot tell
    whether the downstream acted, so it must not treat that as a refusal.
    """
    try:
        return service_client(operation.service).request(
            operation.method, path or operation.path, operation=operation.operation_id, **kwargs
        )
    except CircuitOpen as exc:
        raise DownstreamUnavailable(operation.service, str(exc), retry_after=exc.retry_after) from exc
    except ServiceUnavailable as exc:
        raise DownstreamUnavailable(operation.service, str(exc)) from exc


def circuit_wait(service: str) -> float | None:
    """Seconds until the circuit of ``service`` lets a call through; None when one may go now.
    A caller that would record something before calling (orders' placement) asks first."""
    return service_client(service).breaker.retry_after()


def decode_body(service: str, cls: type[T], response: Response) -> T:
    """The response body as ``cls``; a body outside the contract is the downstream's fault."""
    try:
        return from_json(cls, response.json())
    except ValueError as exc:
        logger.error("%s answered outside its contract: %s", service, exc)
        raise AnswerOutsideContract(service, f"answer outside the contract: {exc}") from exc


@dataclass(frozen=True)
class ApiError:
    """One entry of the standard error body (docs/architecture.md, "Error shape")."""

    code: str
    detail: str


@dataclass(frozen=True)
class ErrorBody:
    errors: tuple[ApiError, ...]


def error_codes(response: Any) -> tuple[str, ...]:
    """The ``code`` of each error in a standard error body; () when the body is not one."""
    try:
        errors = response.json().get("errors", [])
        return tuple(str(error.get("code", "")) for error in errors if isinstance(error, dict))
    except (ValueError, AttributeError, TypeError):
        return ()


# --- codec --------------------------------------------------------------------------------------

_SCALARS: Final = (str, int, bool)


def from_json(cls: type[T], data: Any) -> T:
    """An instance of the dataclass ``cls`` from decoded JSON; ValueError if it does not fit.

    Unknown keys are ignored (a downstream may add fields); a missing key without a default,
    a value of the wrong type, or a value a ``StrEnum`` field has no member for, is an answer
    outside the contract. ``Annotated[str, SomeEnum]`` reads any string: the enum only names
    the values the caller compares with (the contract test checks that the schema has them).
    """
    return typing.cast(T, _decode(cls, data, path=cls.__name__))


def to_json(value: Any) -> Any:
    """Plain JSON for a dataclass instance (Decimal and UUID as strings, tuples as lists). A field
    that is None is left out: the bodies sent have optional fields, never null ones."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ((field.name, getattr(value, field.name)) for field in dataclasses.fields(value))
        return {name: to_json(item) for name, item in fields if item is not None}
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


def _decode(kind: Any, data: Any, *, path: str) -> Any:  # noqa: PLR0911, PLR0912  (one branch per JSON type)
    origin = get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = get_args(kind)
        if data is None and type(None) in options:
            return None
        (inner,) = [option for option in options if option is not type(None)]
        return _decode(inner, data, path=path)
    if origin is tuple:
        item_kind = get_args(kind)[0]
        if not isinstance(data, list):
            raise ValueError(f"{path}: expected a list")
        return tuple(_decode(item_kind, item, path=f"{path}[{index}]") for index, item in enumerate(data))
    if dataclasses.is_dataclass(kind):
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected an object")
        values = {}
        for name, hint, required in _fields(typing.cast(type[Any], kind)):
            if name not in data:
                if required:
                    raise ValueError(f"{path}.{name}: missing")
                continue
            values[name] = _decode(hint, data[name], path=f"{path}.{name}")
        return typing.cast(Any, kind)(**values)
    if isinstance(kind, type) and issubclass(kind, enum.StrEnum):
        try:
            return kind(data)
        except ValueError:
            raise ValueError(f"{path}: {data!r} is no {kind.__name__}") from None
    if kind is Decimal:
        if not isinstance(data, str):
            raise ValueError(f"{path}: expected a decimal string")
        try:
            amount = Decimal(data)
        except InvalidOperation:
            raise ValueError(f"{path}: not a decimal") from None
        if not amount.is_finite():
            raise ValueError(f"{path}: not a finite decimal")
        return amount
    if kind is uuid.UUID:
        if not isinstance(data, str):
            raise ValueError(f"{path}: expected a UUID string")
        return uuid.UUID(data)
    if kind is datetime.datetime:
        if not isinstance(data, str):
            raise ValueError(f"{path}: expected a date-time string")
        return datetime.datetime.fromisoformat(data)
    if kind in _SCALARS:
        # bool is an int in Python; JSON keeps them apart, and so does this.
        if not isinstance(data, kind) or (kind is int and isinstance(data, bool)):
            raise ValueError(f"{path}: expected {kind.__name__}")
        return data
    raise TypeError(f"{path}: no JSON decoding for {kind!r}")


_FIELDS: dict[type[Any], tuple[tuple[str, Any, bool], ...]] = {}


def _fields(cls: type[Any]) -> tuple[tuple[str, Any, bool], ...]:
    """(name, type, required) of each field of a dataclass, resolved once per class: resolving
    the annotations (``get_type_hints``) on every answer was a visible share of a call's CPU.
    (Two threads may both resolve a class at first; they store the same answer.)"""
    fields = _FIELDS.get(cls)
    if fields is None:
        hints = get_type_hints(cls)
        fields = _FIELDS[cls] = tuple(
            (
                field.name,
                hints[field.name],
                field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING,
            )
            for field in dataclasses.fields(cls)
        )
    return fields
