"""Business counters of accounts, served at /metrics with the rest (summed over gunicorn workers
in prometheus_client's multiprocess mode)."""

from __future__ import annotations

from typing import Final

from prometheus_client import Counter

SIGN_INS: Final = Counter(
    "mercato_accounts_sign_ins",
    "Sign-ins with email and password (POST /api/v1/auth/token/), by outcome: success, "
    "invalid_credentials, locked_out (refused by the lockout, whatever the password).",
    ["outcome"],
)
LOCKOUTS: Final = Counter(
    "mercato_accounts_lockouts",
    "Lockouts started: an email and client address that reached AXES_FAILURE_LIMIT failed sign-ins.",
)
TOKENS_ISSUED: Final = Counter(
    "mercato_accounts_tokens_issued",
    "Tokens issued, by kind: sign_in (a user's pair at sign-in), refresh (a pair for a spent "
    "refresh token), service (a client-credentials token).",
    ["kind"],
)

# Every label value exists from the start, at 0, so that rate() and increase() count the first
# event after a restart too (catalog_service/catalog/metrics.py).
for _counter, _values in (
    (SIGN_INS, ("success", "invalid_credentials", "locked_out")),
    (TOKENS_ISSUED, ("sign_in", "refresh", "service")),
):
    for _value in _values:
        _counter.labels(_value)
