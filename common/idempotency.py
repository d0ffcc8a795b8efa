"""Idempotency keys for POST endpoints: the same key and body replay the first response.

The contract (docs/orders.md, "Idempotency"), for any service that mounts it:

- no ``Idempotency-Key`` header: 400; a malformed one: 400;
- the same key, the same caller and the same request (method, path, canonical JSON body):
  the stored status and body of the first response, with ``Idempotent-Replayed: true``;
- the same key with a different request: 422 ``idempotency_key_reused``;
- the same key while the first request is still running: 409 ``idempotency_request_in_flight``.

Every idempotent endpoint of every service uses this module, and only this: orders' placement,
catalog's reservations and stock adjustments. A service subclasses ``IdempotencyRecordBase``
(an abstract model: the table is the service's own, in its own database) and uses the functions
here. The record is *claimed* inside the transaction that creates the resource, so that a key is
never stored without what it made, nor the other way round; it is *completed* with the response
once that is known, or claimed already completed (``answer=``) when the response is known before
the transaction commits, so that no other request ever sees it in flight.

A claim whose request died (process killed mid-request) stays ``in_flight``; once its lease is
over the service may answer from the resource's current state and complete the record then
(``IdempotencyInFlight.stale``), so a key is never stuck at 409 for longer than the lease.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Final, TypeVar

from django.conf import settings
from django.db import connections, models, router
from django.utils import timezone
from rest_framework import status
from rest_framework.exceptions import APIException, ErrorDetail, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from common.prepared import Write, write_together

IDEMPOTENCY_HEADER: Final = "Idempotency-Key"
REPLAYED_HEADER: Final = "Idempotent-Replayed"
# Visible ASCII: enough for UUIDs and derived keys, and nothing a log line or a header mangles.
KEY_PATTERN: Final = re.compile(r"^[\x21-\x7e]{1,255}$")
# Stripe keeps keys for 24 hours; a client retrying within a day gets the first answer.
DEFAULT_TTL: Final = datetime.timedelta(hours=24)
# Longer than any request may run (gunicorn's worker timeout is 30 s): a claim older than this
# belongs to a request that is gone.
DEFAULT_LEASE: Final = datetime.timedelta(seconds=60)


class IdempotencyState(models.TextChoices):
    IN_FLIGHT = "in_flight", "in flight"
    COMPLETED = "completed", "completed"


class IdempotencyRecordBase(models.Model):
    """One key of one caller: the request it was first used with and the response it got."""

    key = models.CharField(max_length=255)
    principal = models.CharField(max_length=200, help_text="Who sent it: `user:<uuid>` or `service:<name>`.")
    fingerprint = models.CharField(max_length=64, help_text="sha256 of method, path and canonical JSON body.")
    state = models.CharField(max_length=16, choices=IdempotencyState.choices, default=IdempotencyState.IN_FLIGHT)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.JSONField(null=True, blank=True)
    response_headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    locked_until = models.DateTimeField(help_text="While in flight: until when the request that claimed it may run.")
    expires_at = models.DateTimeField(help_text="After this, the key may be used afresh (and the row is purged).")

    # The resource the claiming request made; set by the subclass's claim (``resource_id``).
    resource_field: ClassVar[str | None] = None
    # How long a key is kept, when a model needs longer than the service's
    # IDEMPOTENCY_TTL_SECONDS (never shorter: the setting is the contract's minimum).
    ttl: ClassVar[datetime.timedelta | None] = None

    class Meta:
        abstract = True


Record = TypeVar("Record", bound=IdempotencyRecordBase)


# --- errors -------------------------------------------------------------------------------------


class IdempotencyKeyReused(APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = "This Idempotency-Key was already used with a different request."
    default_code = "idempotency_key_reused"


class IdempotencyInFlight(APIException):
    """The first request with this key is still running: try again shortly."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "A request with this Idempotency-Key is still being processed; retry shortly."
    default_code = "idempotency_request_in_flight"

    def __init__(self, *, record_id: int, resource_id: Any, stale: bool) -> None:
        super().__init__()
        self.record_id = record_id
        self.resource_id = resource_id
        # The claiming request's lease is over: it died, and its resource may be answered.
        self.stale = stale
        # Read by the exception handler as Retry-After.
        self.wait = 1


# --- request side -------------------------------------------------------------------------------


def idempotency_key(request: Request) -> str:
    """The request's Idempotency-Key; a 400 naming the header when it is missing or malformed."""
    key = optional_idempotency_key(request)
    if key is None:
        raise ValidationError({IDEMPOTENCY_HEADER: [ErrorDetail("This header is required.", "required")]})
    return key


def optional_idempotency_key(request: Request) -> str | None:
    """The request's Idempotency-Key, or None without one; a 400 naming the header when malformed."""
    key = request.headers.get(IDEMPOTENCY_HEADER)
    if key is not None and not KEY_PATTERN.match(key):
        raise ValidationError(
            {IDEMPOTENCY_HEADER: [ErrorDetail("1-255 visible ASCII characters, e.g. a UUID.", "invalid")]}
        )
    return key


def request_fingerprint(*, method: str, path: str, body: Any) -> str:
    """sha256 of the method, the path and the body as canonical JSON.

    Canonical (sorted keys, no whitespace), so that a retry serialised differently by the
    client (key order, spacing) is still the same request.
    """
    canonical = json.dumps(
        {"method": method.upper(), "path": path, "body": body},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class IdempotencyContext:
    """What a service needs to claim the request's key in the transaction that serves it."""

    key: str
    fingerprint: str


@dataclass(frozen=True)
class Performed:
    """What a first request with a key answered, and the record that claimed the key."""

    status: int
    body: Any
    headers: dict[str, str]
    record_id: int
    # True when ``perform`` stored this answer itself (``idempotency_complete`` inside the
    # transaction that did the work, one commit instead of two): nothing is left to store.
    completed: bool = False


def idempotent_response(
    model: type[Record],
    request: Request,
    *,
    principal: str,
    key: str,
    perform: Callable[[IdempotencyContext], Performed],
    answer_for_resource: Callable[[Any], tuple[int, Any, dict[str, str]]],
    look_up_first: bool = True,
) -> Response:
    """Serve ``request`` once per key: the view side of the contract above.

    A new key runs ``perform``, which claims the key (``idempotency_claim``) in the transaction
    that does the work; its answer is stored. A repeat gets the stored answer, marked
    ``Idempotent-Replayed: true``. When the request that claimed the key died before answering,
    ``answer_for_resource`` answers from what it made (the id its record links to), and that
    answer is stored instead.

    ``look_up_first=False`` skips the look-up of the key before ``perform``: for a ``perform``
    whose claim is the first thing it does (nothing read, written or called before it), the
    claim meets a used key by itself, and a new key (nearly every request) costs one query less.
    """
    fingerprint = request_fingerprint(method=request.method or "POST", path=request.path, body=request.data)
    try:
        stored = (
            idempotency_lookup(model, principal=principal, key=key, fingerprint=fingerprint) if look_up_first else None
        )
        if stored is None:
            done = perform(IdempotencyContext(key=key, fingerprint=fingerprint))
            if done.completed:
                return StoredResponse(done.status, done.body, dict(done.headers)).response(replayed=False)
            stored = idempotency_complete(
                model, record_id=done.record_id, status_code=done.status, body=done.body, headers=done.headers
            )
            return stored.response(replayed=False)
    except IdempotencyReplay as replay:
        stored = replay.response
    except IdempotencyInFlight as in_flight:
        if not in_flight.stale or in_flight.resource_id is None:
            raise
        status_code, body, headers = answer_for_resource(in_flight.resource_id)
        stored = idempotency_complete(
            model, record_id=in_flight.record_id, status_code=status_code, body=body, headers=headers
        )
    return stored.response(replayed=True)


# --- store side ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredResponse:
    status: int
    body: Any
    headers: dict[str, str]

    def response(self, *, replayed: bool) -> Response:
        headers = {**self.headers, REPLAYED_HEADER: "true"} if replayed else self.headers
        return Response(self.body, status=self.status, headers=headers)


def _ttl(model: type[IdempotencyRecordBase]) -> datetime.timedelta:
    configured = datetime.timedelta(seconds=getattr(settings, "IDEMPOTENCY_TTL_SECONDS", DEFAULT_TTL.total_seconds()))
    return max(configured, model.ttl) if model.ttl is not None else configured


def _lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=getattr(settings, "IDEMPOTENCY_LEASE_SECONDS", DEFAULT_LEASE.total_seconds()))


def idempotency_lookup(
    model: type[Record], *, principal: str, key: str, fingerprint: str, now: datetime.datetime | None = None
) -> StoredResponse | None:
    """The stored response for this key, None when the key is new (or expired).

    Raises ``IdempotencyKeyReused`` (another request used the key) and ``IdempotencyInFlight``.
    """
    now = now or timezone.now()
    record = model._default_manager.filter(principal=principal, key=key, expires_at__gt=now).first()
    if record is None:
        return None
    return _answer(record, fingerprint=fingerprint, now=now)


def idempotency_claim(
    model: type[Record],
    *,
    principal: str,
    key: str,
    fingerprint: str,
    now: datetime.datetime | None = None,
    answer: StoredResponse | None = None,
    **fields: Any,
) -> Record:
    """Claim the key for the request being served; call inside the transaction that creates
    the resource (``fields`` may link the record to it).

    With ``answer`` the record is claimed completed with it: for a request whose response is
    known before its transaction commits (it is rolled back with the work if that fails). No
    other request ever sees the key in flight, and no UPDATE completes it afterwards.

    One ``INSERT ... ON CONFLICT (principal, key) DO NOTHING``: a new key is claimed by it
    alone (no look-up first, no savepoint for a failed INSERT to roll back to). When the key is
    taken, its record answers (``IdempotencyInFlight``, or the replay as ``IdempotencyReplay``).
    A concurrent request claiming the same key makes our INSERT wait for its transaction: if it
    commits, ours does nothing and its claim is what this one sees; if it rolls back, ours
    inserts.
    """
    now = now or timezone.now()
    record = model(
        principal=principal,
        key=key,
        fingerprint=fingerprint,
        state=IdempotencyState.IN_FLIGHT if answer is None else IdempotencyState.COMPLETED,
        response_status=None if answer is None else answer.status,
        response_body=None if answer is None else answer.body,
        response_headers={} if answer is None else dict(answer.headers),
        created_at=now,
        locked_until=now + _lease(),
        expires_at=now + _ttl(model),
        **fields,
    )
    for _attempt in range(2):
        if _insert_unless_claimed(record):
            return record
        existing = model._default_manager.filter(principal=principal, key=key).first()
        if existing is None:
            continue  # the record in the way was deleted meanwhile (expired): claim again
        if existing.expires_at > now:
            raise IdempotencyReplay(_answer(existing, fingerprint=fingerprint, now=now))
        # An expired record no longer holds the key (the purge job may simply not have run
        # yet): removed, then the claim again. Only here, when the INSERT met it, rather than
        # a DELETE before every claim: a new key (nearly every request) costs one query less.
        model._default_manager.filter(principal=principal, key=key, expires_at__lte=now).delete()
    raise RuntimeError(f"idempotency key {key!r} could not be claimed")


def _insert_unless_claimed(record: IdempotencyRecordBase) -> bool:
    """INSERT ``record`` unless its (principal, key) is taken; True (and its pk set) if it was.

    Written out because Django's ``bulk_create(ignore_conflicts=True)`` does not say whether the
    row went in. The conflict target is the (principal, key) unique constraint every subclass
    declares; PostgreSQL refuses the statement for a table without one, so a subclass that
    forgot it fails on its first claim, not silently.
    """
    meta = record._meta
    connection = connections[router.db_for_write(type(record))]
    quote = connection.ops.quote_name
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    values = [field.get_db_prep_save(field.pre_save(record, True), connection) for field in fields]
    # Names are the model's, never input; the values are parameters.
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders}) "  # noqa: S608
        f"ON CONFLICT ({quote('principal')}, {quote('key')}) DO NOTHING RETURNING {quote(meta.pk.column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        row = cursor.fetchone()
    if row is None:
        return False
    record.pk = row[0]
    record._state.adding = False
    record._state.db = connection.alias
    return True


class IdempotencyReplay(Exception):
    """Raised by ``idempotency_claim`` when the key turned out to have a stored response."""

    def __init__(self, response: StoredResponse) -> None:
        super().__init__("replay")
        self.response = response


def idempotency_complete(
    model: type[Record], *, record_id: int, status_code: int, body: Any, headers: dict[str, str] | None = None
) -> StoredResponse:
    """Store the response of the claiming request; returns what is stored.

    Only the first completion counts (a request that outlived its lease and a retry that
    answered for it may both try): the stored response is the one every replay gets.
    """
    stored: list[StoredResponse] = []
    write_together(
        idempotency_completion(
            model, record_id=record_id, status_code=status_code, body=body, headers=headers, done=stored.append
        )
    )
    return stored[0]


_complete_sql: dict[type[IdempotencyRecordBase], str] = {}


def idempotency_completion(
    model: type[IdempotencyRecordBase],
    *,
    record_id: int,
    status_code: int,
    body: Any,
    headers: dict[str, str] | None,
    done: Callable[[StoredResponse], None],
) -> Write:
    """``idempotency_complete`` as a statement to run with others (``common.prepared.write_together``:
    the transaction that confirms an order writes it with the order's own writes). Once it has
    run, ``done`` gets what is stored.

    The statement is ``filter(pk=record_id, state=IN_FLIGHT).update(...)``, written once per
    model: every order placement and reservation completes a key, and building the UpdateQuery
    cost more CPU than the rest of the completion (docs/performance.md). A record no longer in
    flight was completed first by another request: its stored answer is read and given instead."""
    alias = router.db_for_write(model)
    connection = connections[alias]
    sql = _complete_sql.get(model)
    if sql is None:
        quote = connection.ops.quote_name
        sql = _complete_sql[model] = (
            f"UPDATE {quote(model._meta.db_table)} SET {quote('state')} = %s, {quote('response_status')} = %s, "  # noqa: S608
            f"{quote('response_body')} = %s, {quote('response_headers')} = %s "
            f"WHERE {quote(model._meta.pk.column)} = %s AND {quote('state')} = %s RETURNING 1"
        )
    meta = model._meta
    headers = dict(headers or {})
    params = [
        IdempotencyState.COMPLETED.value,
        status_code,
        meta.get_field("response_body").get_db_prep_save(body, connection),
        meta.get_field("response_headers").get_db_prep_save(headers, connection),
        record_id,
        IdempotencyState.IN_FLIGHT.value,
    ]

    def completed(rows: list[Any]) -> None:
        if rows:
            done(StoredResponse(status_code, body, dict(headers)))
            return
        record = model._default_manager.get(pk=record_id)
        assert record.response_status is not None
        done(StoredResponse(record.response_status, record.response_body, dict(record.response_headers)))

    return Write(sql, params, alias, returning=True, done=completed)


def idempotency_records_purge(
    model: type[Record], *, now: datetime.datetime | None = None, batch_size: int = 5000
) -> int:
    """Delete expired records, a batch at a time; the number deleted."""
    now = now or timezone.now()
    deleted = 0
    while True:
        ids = list(model._default_manager.filter(expires_at__lte=now).values_list("pk", flat=True)[:batch_size])
        if not ids:
            return deleted
        deleted += model._default_manager.filter(pk__in=ids).delete()[0]


def _answer(record: IdempotencyRecordBase, *, fingerprint: str, now: datetime.datetime) -> StoredResponse:
    if record.fingerprint != fingerprint:
        raise IdempotencyKeyReused
    if record.state == IdempotencyState.COMPLETED and record.response_status is not None:
        return StoredResponse(record.response_status, record.response_body, dict(record.response_headers))
    resource_id = getattr(record, f"{record.resource_field}_id", None) if record.resource_field else None
    raise IdempotencyInFlight(record_id=record.pk, resource_id=_plain(resource_id), stale=record.locked_until <= now)


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, uuid.UUID) else value
