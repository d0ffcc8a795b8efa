"""catalog_service: products, categories, prices, stock and reservations. Calls accounts."""

import environ

from common.settings import *
from common.settings import (
    COMMON_APPS,
    DRF_STANDARDIZED_ERRORS,
    PROCRASTINATE_WORKER_DEFAULTS,
    env,
    logging_settings,
    spectacular_settings,
)

SERVICE_NAME = "catalog"

# procrastinate (the job queue, in this service's own database) comes before the catalog app so
# the app's tasks module registers on a ready app; its tables come from its migrations.
# treebeard provides the category tree's admin templates and scripts.
INSTALLED_APPS = [*COMMON_APPS, "treebeard", "procrastinate.contrib.django", "catalog_service.catalog"]
ROOT_URLCONF = "catalog_service.urls"
WSGI_APPLICATION = "catalog_service.wsgi.application"
# Admin sign-in: a local account first (the break-glass superuser works while accounts is
# down), then accounts credentials, mirrored into a local user (docs/identity.md).
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend", "common.auth.backends.AccountsBackend"]

ACCOUNTS_URL = env.url("ACCOUNTS_URL").geturl()

# This service's client credentials on accounts (docs/identity.md): admin sign-in relays the
# browser's address with them (scope accounts.sign-in:relay). Not required at import, so that
# static checks and the schema export run without them; an admin sign-in through accounts
# without them is refused, with an error naming them in the log.
SERVICE_CLIENT_ID = env.str("SERVICE_CLIENT_ID", default="")
SERVICE_CLIENT_SECRET = env.str("SERVICE_CLIENT_SECRET", default="")

# Bulk import (docs/catalog-bulk.md): the largest file POST /api/v1/product-imports/ accepts.
# Uploads are spooled to a temporary file (FILE_UPLOAD_TEMP_DIR, the system's by default),
# then copied into PostgreSQL in 1 MiB chunks.
PRODUCT_IMPORT_MAX_BYTES = env.int("PRODUCT_IMPORT_MAX_BYTES", default=2 * 1024**3)

# Full-text search is indexed behind the write by the worker (docs/catalog.md, "Search
# freshness"): in this many database sessions at once, so that a large import's products are
# indexed on as many of the database's cores.
SEARCH_INDEX_SESSIONS = env.int("SEARCH_INDEX_SESSIONS", default=2)
if SEARCH_INDEX_SESSIONS < 1:
    raise environ.ImproperlyConfigured("SEARCH_INDEX_SESSIONS must be at least 1")
# While a product import runs, each indexing session works at most this share of the time: the
# import and the indexer together would otherwise take every core the readers need (product
# detail's p99 during a 1M import: bench/RESULTS.md). 1: no pause.
SEARCH_INDEX_SHARE_DURING_IMPORTS = env.float("SEARCH_INDEX_SHARE_DURING_IMPORTS", default=0.5)
if not 0 < SEARCH_INDEX_SHARE_DURING_IMPORTS <= 1:
    raise environ.ImproperlyConfigured("SEARCH_INDEX_SHARE_DURING_IMPORTS must be above 0 and at most 1")

# Two jobs at once in a worker (common/settings.py): an import (one at a time, its task's lock)
# leaves the other slot to the search indexer, which so keeps search current during the import
# (docs/catalog-bulk.md, "How fast search catches up"), and to the periodic jobs.
WORKER_CONCURRENCY = env.int("WORKER_CONCURRENCY", default=2)
if WORKER_CONCURRENCY < 1:
    raise environ.ImproperlyConfigured("WORKER_CONCURRENCY must be at least 1")
PROCRASTINATE_WORKER_DEFAULTS = {**PROCRASTINATE_WORKER_DEFAULTS, "concurrency": WORKER_CONCURRENCY}

# /metrics adds what only the database knows (common/metrics.py): the job queue's depth and age,
# and how far full-text search is behind the writes.
METRICS_COLLECTORS = ["common.worker.JobQueueCollector", "catalog_service.catalog.metrics.SearchIndexCollector"]

LOGGING = logging_settings(SERVICE_NAME)
SPECTACULAR_SETTINGS = spectacular_settings(
    version="3.0.0",  # docs/api.md, "API versions": what each version changed
    title="Mercato catalog API",
    description="Categories, products, prices, stock levels, reservations and bulk import/export.",
)
# Import jobs and reservations both have a "status"; name the import's enum so the two do not
# collide in the schema.
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]["ProductImportStatusEnum"] = (
    "catalog_service.catalog.models.ImportStatus.choices"
)

# --- API errors (docs/catalog.md, "Errors") ---------------------------------------------------
# drf-standardized-errors adds every allowed status it has no serializer for (409, 412, 422) to
# every operation, with a warning each; here they appear only where a view declares them. The
# catalog's formatter keeps the extra fields of a shortage (sku, requested, available).
DRF_STANDARDIZED_ERRORS = {
    **DRF_STANDARDIZED_ERRORS,
    "ALLOWED_ERROR_STATUS_CODES": [
        code for code in DRF_STANDARDIZED_ERRORS["ALLOWED_ERROR_STATUS_CODES"] if code not in {"409", "412", "422"}
    ],
    "EXCEPTION_FORMATTER_CLASS": "catalog_service.catalog.api.errors.CatalogExceptionFormatter",
}
# Fixed names for the catalog's enums, which would otherwise collide by field name ("code", "reason").
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(
    {
        "ConflictErrorCodeEnum": "catalog_service.catalog.api.errors.ConflictErrorCode.choices",
        "PreconditionFailedErrorCodeEnum": "catalog_service.catalog.api.errors.PreconditionFailedErrorCode.choices",
        "UnprocessableErrorCodeEnum": "catalog_service.catalog.api.errors.UnprocessableErrorCode.choices",
        "ReservationStatusEnum": "catalog_service.catalog.models.ReservationStatus.choices",
        "MovementReasonEnum": "catalog_service.catalog.models.MovementReason.choices",
        "AdjustmentReasonEnum": "catalog_service.catalog.services.stock.ADJUSTMENT_REASON_CHOICES",
        "AdjustmentModeEnum": "catalog_service.catalog.services.stock.ADJUSTMENT_MODE_CHOICES",
    }
)
