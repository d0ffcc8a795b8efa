"""Reservations' Idempotency-Keys move to common/idempotency.py's records (ReservationKey).

Before, a reservation carried its caller's key and a fingerprint of its own (the validated
request without ``commit``), and a replay answered the reservation as it then was, with 200.
Now every idempotent endpoint stores the first answer under the key and replays it (201).

Each reservation whose key is still within ReservationKey's TTL gets a record, so that a retry
that was on its way during the upgrade (orders' recovery) is still answered with the
reservation and never holds the stock twice:

- the fingerprint is common's (method, path and canonical body) of the body orders sends, the
  only caller with the scope: ``reference``, ``lines`` in their order, ``ttl_seconds`` and
  ``commit: true``. ``ttl_seconds`` was not stored: it is recovered from ``expires_at`` and
  ``created_at`` (a few milliseconds apart at the INSERT) and checked against the old
  fingerprint, which covered it. When no TTL matches, the old fingerprint itself is kept: it
  matches no request, so a retry is refused with 422 ``idempotency_key_reused`` instead of
  making a second reservation;
- the stored answer is the reservation as it is at the migration (the answer the old replay
  gave), with 201 and its Location.

Irreversible: the old columns held a fingerprint that cannot be computed back from a record.
"""

import datetime
import decimal
import hashlib
import json
import math

from django.db import migrations, models
import django.db.models.deletion
import django.utils.timezone

PATH = "/api/v1/reservations/"
TTL = datetime.timedelta(days=30)  # ReservationKey.ttl
LEASE = datetime.timedelta(seconds=60)
BATCH = 1000
CENTS = decimal.Decimal("0.01")


def _sha256(value: object, **dumps: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, separators=(",", ":"), **dumps).encode()).hexdigest()


def _old_fingerprint(reference: str, lines: list[dict[str, object]], ttl_seconds: int) -> str:
    # catalog.services.reservations.ReservationRequest.fingerprint() as it was.
    return _sha256({"reference": reference, "lines": lines, "ttl_seconds": ttl_seconds})


def _new_fingerprint(body: dict[str, object]) -> str:
    # common.idempotency.request_fingerprint(method="POST", path=PATH, body=body).
    return _sha256({"method": "POST", "path": PATH, "body": body}, ensure_ascii=False, default=str)


def _timestamp(value: datetime.datetime) -> str:
    text = value.astimezone(datetime.UTC).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _answer(reservation, lines) -> dict[str, object]:
    # catalog.api.serializers.reservations.reservation_data as of this migration.
    return {
        "id": str(reservation.id),
        "status": reservation.status,
        "reference": reservation.reference,
        "expires_at": _timestamp(reservation.expires_at),
        "lines": [
            {
                "sku": line.sku,
                "name": line.name,
                "quantity": line.quantity,
                "unit_price": format(line.unit_price.quantize(CENTS), "f"),
                "currency": line.currency,
            }
            for line in lines
        ],
        "created_at": _timestamp(reservation.created_at),
        "updated_at": _timestamp(reservation.updated_at),
    }


def _fingerprint(reservation, lines) -> str:
    requested = [{"sku": line.sku, "quantity": line.quantity} for line in lines]
    seconds = (reservation.expires_at - reservation.created_at).total_seconds()
    for ttl_seconds in dict.fromkeys((round(seconds), math.ceil(seconds), math.floor(seconds))):
        if _old_fingerprint(reservation.reference, requested, ttl_seconds) == reservation.request_fingerprint:
            body = {"reference": reservation.reference, "lines": requested, "ttl_seconds": ttl_seconds, "commit": True}
            return _new_fingerprint(body)
    return reservation.request_fingerprint


def copy_keys(apps, schema_editor) -> None:
    Reservation = apps.get_model("catalog", "Reservation")
    ReservationLine = apps.get_model("catalog", "ReservationLine")
    ReservationKey = apps.get_model("catalog", "ReservationKey")
    now = django.utils.timezone.now()
    recent = Reservation.objects.filter(created_at__gt=now - TTL).order_by("created_at", "id")
    batch = []
    for reservation in recent.iterator(chunk_size=BATCH):
        batch.append(reservation)
        if len(batch) == BATCH:
            _copy(batch, ReservationLine, ReservationKey, now)
            batch = []
    if batch:
        _copy(batch, ReservationLine, ReservationKey, now)


def _copy(reservations, ReservationLine, ReservationKey, now) -> None:
    lines: dict[object, list] = {reservation.pk: [] for reservation in reservations}
    for line in ReservationLine.objects.filter(reservation_id__in=list(lines)).order_by("id"):
        lines[line.reservation_id].append(line)
    ReservationKey.objects.bulk_create(
        ReservationKey(
            principal=reservation.caller,
            key=reservation.idempotency_key,
            fingerprint=_fingerprint(reservation, lines[reservation.pk]),
            state="completed",
            response_status=201,
            response_body=_answer(reservation, lines[reservation.pk]),
            response_headers={"Location": f"{PATH}{reservation.pk}/"},
            created_at=reservation.created_at,
            locked_until=reservation.created_at + LEASE,
            expires_at=reservation.created_at + TTL,
            reservation_id=reservation.pk,
        )
        for reservation in reservations
    )


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0010_import_seen_sku'),
    ]

    operations = [
        migrations.CreateModel(
            name='ReservationKey',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=255)),
                ('principal', models.CharField(help_text='Who sent it: `user:<uuid>` or `service:<name>`.', max_length=200)),
                ('fingerprint', models.CharField(help_text='sha256 of method, path and canonical JSON body.', max_length=64)),
                ('state', models.CharField(choices=[('in_flight', 'in flight'), ('completed', 'completed')], default='in_flight', max_length=16)),
                ('response_status', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('response_body', models.JSONField(blank=True, null=True)),
                ('response_headers', models.JSONField(blank=True, default=dict)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('locked_until', models.DateTimeField(help_text='While in flight: until when the request that claimed it may run.')),
                ('expires_at', models.DateTimeField(help_text='After this, the key may be used afresh (and the row is purged).')),
                ('reservation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='catalog.reservation')),
            ],
            options={
                'indexes': [models.Index(fields=['expires_at'], name='reservationkey_expires_idx')],
                'constraints': [models.UniqueConstraint(fields=('principal', 'key'), name='reservationkey_principal_key_unique')],
            },
        ),
        migrations.RunPython(copy_keys, elidable=False),
        migrations.RemoveConstraint(
            model_name='reservation',
            name='reservation_caller_key_unique',
        ),
        migrations.RemoveField(
            model_name='reservation',
            name='idempotency_key',
        ),
        migrations.RemoveField(
            model_name='reservation',
            name='request_fingerprint',
        ),
    ]
