"""orders_service: orders, their history and sales reports. Calls accounts and catalog."""

from common.settings import *
from common.settings import COMMON_APPS, env, logging_settings, spectacular_settings

SERVICE_NAME = "orders"

# procrastinate (the job queue, in this service's own database) comes before the orders app so
# the app's tasks module (order recovery, idempotency purge) registers on a ready app.
INSTALLED_APPS = [*COMMON_APPS, "procrastinate.contrib.django", "orders_service.orders"]
ROOT_URLCONF = "orders_service.urls"
WSGI_APPLICATION = "orders_service.wsgi.application"
# Admin sign-in: a local account first (the break-glass superuser works while accounts is
# down), then accounts credentials, mirrored into a local user (docs/identity.md).
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend", "common.auth.backends.AccountsBackend"]

ACCOUNTS_URL = env.url("ACCOUNTS_URL").geturl()
CATALOG_URL = env.url("CATALOG_URL").geturl()

# This service's client credentials on accounts (docs/identity.md), for its calls to accounts
# and catalog and to relay the browser's address at admin sign-in. Not required at import,
# so that static checks and the schema export run without them; the first call that needs a
# service token fails loudly, naming them, when they are missing.
SERVICE_CLIENT_ID = env.str("SERVICE_CLIENT_ID", default="")
SERVICE_CLIENT_SECRET = env.str("SERVICE_CLIENT_SECRET", default="")

# Calls to the downstreams (common/http.py). The saga makes up to four calls inside one
# request, each retried (idempotent ones) once: they must fit well inside gunicorn's 30 s.
ACCOUNTS_READ_TIMEOUT = env.float("ACCOUNTS_READ_TIMEOUT", default=3.0)
ACCOUNTS_RETRIES = env.int("ACCOUNTS_RETRIES", default=1)
CATALOG_READ_TIMEOUT = env.float("CATALOG_READ_TIMEOUT", default=4.0)
CATALOG_RETRIES = env.int("CATALOG_RETRIES", default=1)
# Circuit breaker per downstream: open after this many failed calls in a row, let one trial
# call through after the reset timeout.
ACCOUNTS_BREAKER_FAILURES = env.int("ACCOUNTS_BREAKER_FAILURES", default=5)
ACCOUNTS_BREAKER_RESET_SECONDS = env.float("ACCOUNTS_BREAKER_RESET_SECONDS", default=10.0)
CATALOG_BREAKER_FAILURES = env.int("CATALOG_BREAKER_FAILURES", default=5)
CATALOG_BREAKER_RESET_SECONDS = env.float("CATALOG_BREAKER_RESET_SECONDS", default=10.0)

# Orders (docs/orders.md). A hold lasts this long unless committed; recovery picks up orders
# pending for longer than ORDERS_RECOVERY_AFTER_SECONDS (more than a request may take).
ORDERS_RESERVATION_TTL_SECONDS = env.int("ORDERS_RESERVATION_TTL_SECONDS", default=600)
ORDERS_RECOVERY_AFTER_SECONDS = env.int("ORDERS_RECOVERY_AFTER_SECONDS", default=60)
# Reconciliation with catalog (services/reconciliation.py), every 10 minutes: the orders
# changed within the window, left alone for their first SETTLE seconds (more than recovery's
# interval: a cancellation still in flight is not a disagreement).
ORDERS_RECONCILIATION_WINDOW_SECONDS = env.int("ORDERS_RECONCILIATION_WINDOW_SECONDS", default=7200)
ORDERS_RECONCILIATION_SETTLE_SECONDS = env.int("ORDERS_RECONCILIATION_SETTLE_SECONDS", default=120)
# /metrics adds what only the database knows (common/metrics.py).
METRICS_COLLECTORS = [
    "orders_service.orders.metrics.ReconciliationCollector",
    "common.worker.JobQueueCollector",
]
# Idempotency keys of POST /api/v1/orders/ are kept at least 24 hours (common/idempotency.py).
IDEMPOTENCY_TTL_SECONDS = max(env.int("IDEMPOTENCY_TTL_SECONDS", default=86_400), 86_400)
IDEMPOTENCY_LEASE_SECONDS = env.int("IDEMPOTENCY_LEASE_SECONDS", default=60)

LOGGING = logging_settings(SERVICE_NAME)
SPECTACULAR_SETTINGS = spectacular_settings(
    version="2.0.0",  # docs/api.md, "API versions": what each version changed
    title="Mercato orders API",
    description="Orders placed through the reservation saga, their status history and sales reports.",
)
# Fixed names for the orders' enums, which would otherwise collide by field name ("code", "status").
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(
    {
        "OrderStatusEnum": "orders_service.orders.models.OrderStatus.choices",
        "RejectionReasonEnum": "orders_service.orders.models.RejectionReason.choices",
        "OrdersConflictErrorCodeEnum": "orders_service.orders.api.errors.ConflictErrorCode.choices",
        "OrdersUnprocessableErrorCodeEnum": "orders_service.orders.api.errors.UnprocessableErrorCode.choices",
        "OrdersUnavailableErrorCodeEnum": "orders_service.orders.api.errors.UnavailableErrorCode.choices",
    }
)
