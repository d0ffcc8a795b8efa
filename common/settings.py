"""Settings shared by every Mercato service.

Each service's settings module star-imports this one and then names its apps, URLs and the
services it calls. Every value comes from the environment; a required variable that is
missing stops the process at start with a message naming it (django-environ raises
``ImproperlyConfigured: Set the SECRET_KEY environment variable``).

Defaults are the production ones: secure cookies, HTTPS redirect, HSTS, DEBUG off. The dev
runner (``scripts/run.py``) relaxes the few that need HTTPS.
"""

import logging
from pathlib import Path
from typing import Any

import django_stubs_ext
import environ
from csp.constants import NONCE

# Lets Django's generic classes be subscripted at runtime (ModelAdmin[User] and the like).
django_stubs_ext.monkeypatch()

env = environ.Env()

REPO_ROOT = Path(__file__).resolve().parent.parent

SECRET_KEY = env.str("SECRET_KEY")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])


# How DATABASE_URL reaches PostgreSQL: "session" (directly, or through a pooler in session
# mode: a connection is one server session) or "transaction" (PgBouncer in transaction mode, as
# CloudNativePG's Pooler runs it: each transaction may run on another server session, so nothing
# may outlive a transaction on the server). docs/deploy.md, "Behind PgBouncer", lists what the
# services and workers use that depends on a session, and how each is kept working.
DATABASE_POOL_MODE = env.str("DATABASE_POOL_MODE", default="session")
if DATABASE_POOL_MODE not in ("session", "transaction"):
    raise environ.ImproperlyConfigured(f"DATABASE_POOL_MODE must be session or transaction, not {DATABASE_POOL_MODE!r}")
# The same database, not through the pooler (CloudNativePG's -rw Service), or empty. Only the
# job queue's worker uses it, for its own connections: LISTEN needs a session
# (common/management/commands/procrastinate.py). Without it, a worker behind a transaction
# pooler polls for jobs instead.
DATABASE_DIRECT_URL = env.str("DATABASE_DIRECT_URL", default="")


def database_settings() -> dict[str, Any]:
    """The default database from DATABASE_URL, wrapped for Prometheus and pooled.

    With DB_POOL on (the default) each process keeps a psycopg pool and Django borrows a
    connection per request; Django requires CONN_MAX_AGE=0 then. With it off, connections
    persist for DB_CONN_MAX_AGE seconds instead, which suits an external pooler (PgBouncer).
    """
    config: dict[str, Any] = env.db_url("DATABASE_URL")
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise environ.ImproperlyConfigured("DATABASE_URL must be a postgres:// or postgresql:// URL")
    config["ENGINE"] = "django_prometheus.db.backends.postgresql"
    config["OPTIONS"] = {
        **config.get("OPTIONS", {}),
        "connect_timeout": env.int("DB_CONNECT_TIMEOUT", default=5),
        # Never let psycopg prepare statements (it would after 5 runs of one query on a
        # connection): a statement prepared on one server session is unknown to the next, and
        # Debian's PgBouncer (1.18) cannot carry prepared statements across (1.21 can). Django's
        # default already; named here because the pooler depends on it.
        "prepare_threshold": None,
    }
    if DATABASE_POOL_MODE == "transaction":
        # A server-side cursor outside a transaction is declared WITH HOLD and fetched from by
        # later statements, which may run on another server session. Iterating querysets
        # (.iterator()) then reads the result through a client-side cursor: exports that must
        # stay at constant memory read in keyset chunks or COPY instead (docs/deploy.md).
        config["DISABLE_SERVER_SIDE_CURSORS"] = True
    # Pooled by default: in the sweep of bench/run_api.py (docs/performance.md) the pool and
    # persistent connections served catalog within noise of each other at every gunicorn
    # setting, and the pool bounds a pod's connections to WEB_WORKERS x DB_POOL_MAX_SIZE
    # whatever WEB_THREADS is. DB_POOL_MAX_SIZE 8 gives each of a worker's threads (4) its own.
    if env.bool("DB_POOL", default=True):
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"]["pool"] = {
            "min_size": env.int("DB_POOL_MIN_SIZE", default=2),
            "max_size": env.int("DB_POOL_MAX_SIZE", default=8),
            "timeout": env.float("DB_POOL_TIMEOUT", default=10.0),
        }
    else:
        config["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
    # A connection kept open (in the pool, or persistent) is checked before a request uses it;
    # with the pool that is psycopg_pool's check, an empty query as a request borrows it. A
    # restart, a failover or a switchover of the database ends every session kept, and each
    # would otherwise fail the request it is next given with a 500
    # (tests/e2e/test_database_outage.py).
    config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASES = {"default": database_settings()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

COMMON_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_prometheus",
    "django_guid",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "drf_standardized_errors",
    "csp",
    "corsheaders",
    "common",
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django_guid.middleware.guid_middleware",
    "common.middleware.RequestLogMiddleware",
    # Before anything that can answer (CommonMiddleware), so a preflight gets its CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "common.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Sessions, Django's user and messages serve the admin and other pages, not the API, which
    # authenticates with bearer tokens: these skip /api/ (common/middleware.py).
    "common.middleware.SessionMiddleware",
    "common.middleware.ProbeMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before any view middleware that reads the body (CSRF reads a form's).
    "common.request_limits.RequestBodyLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "common.middleware.AuthenticationMiddleware",
    "common.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]


# --- Read replicas (docs/deploy.md, "Read replicas") -------------------------------------------
def replica_database_settings(primary: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """An alias per URL of DATABASE_REPLICA_URLS (comma-separated): ``replica_1``, ``replica_2``...

    Each is tuned as the primary is (engine, pool, timeouts, whatever database_settings sets)
    and connects where its own URL says: the options that came from the primary's URL (its
    socket directory, sslmode, ...) are not carried over. Under test a replica mirrors the test
    database (Django's TEST MIRROR), unless a suite points it at a real standby (tests/replicas).
    """
    primary_url_options = set(env.db_url("DATABASE_URL").get("OPTIONS", {}))
    tuning = {key: value for key, value in primary.items() if key not in {"NAME", "USER", "PASSWORD", "HOST", "PORT"}}
    tuned_options = {key: value for key, value in primary["OPTIONS"].items() if key not in primary_url_options}
    replicas = {}
    for index, url in enumerate(filter(None, env.list("DATABASE_REPLICA_URLS", default=[])), start=1):
        config: dict[str, Any] = environ.Env.db_url_config(url)
        if config["ENGINE"] != "django.db.backends.postgresql":
            raise environ.ImproperlyConfigured("DATABASE_REPLICA_URLS must hold postgres:// or postgresql:// URLs")
        replicas[f"replica_{index}"] = {
            **tuning,
            **{key: config[key] for key in ("NAME", "USER", "PASSWORD", "HOST", "PORT") if key in config},
            "OPTIONS": {**tuned_options, **config.get("OPTIONS", {})},
            "TEST": {"MIRROR": "default"},
        }
    return replicas


_replicas = replica_database_settings(DATABASES["default"])
DATABASES.update(_replicas)
# How long a client that wrote keeps reading from the primary (common/replicas.py).
DATABASE_REPLICA_STICKY_SECONDS = env.int("DATABASE_REPLICA_STICKY_SECONDS", default=10)
# How long a replica that could not be connected to is left out before it is tried again.
DATABASE_REPLICA_RETRY_SECONDS = env.float("DATABASE_REPLICA_RETRY_SECONDS", default=30.0)
if _replicas:
    # Only with replicas: without them no router runs on any query and no middleware on any request.
    DATABASE_ROUTERS = ["common.replicas.ReplicaRouter"]
    MIDDLEWARE.append("common.replicas.ReplicaReadsMiddleware")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Argon2 for new hashes; the others only verify (and upgrade) hashes made elsewhere.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

# Shared by every process of a service (throttle counters must be), in its own PostgreSQL: no
# extra infrastructure. The table comes from common's migration.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "mercato_cache"},
}

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=REPO_ROOT / ".data" / "static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Only the admin and the API docs have static files. Without a manifest, a page renders
    # even where collectstatic has not run; the price is a short cache lifetime for them.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# The dev runner serves static files straight from the apps (WhiteNoise looks them up with
# Django's finders when a process starts) instead of collecting them first, which took about a
# minute per service on every start. Production collects them (the image's build) and leaves it off.
WHITENOISE_USE_FINDERS = env.bool("STATIC_USE_FINDERS", default=False)

# --- Security. Production defaults; check --deploy passes with them. -----------------------
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# Probes and scrapers talk plain HTTP to the pod.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
# The header a TLS-terminating proxy (the ingress) sets to "https"; trust it only when every
# request comes through such a proxy that overwrites it. Empty: no proxy header is trusted.
_proxy_ssl_header = env.str("SECURE_PROXY_SSL_HEADER", default="X-Forwarded-Proto")
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https") if _proxy_ssl_header else None
)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp), one policy per kind of response (docs/api.md, "Browser
# security"). Every page of the admin (and any other HTML page) loads its scripts, styles and
# images from this origin only, and runs no inline script: Django's admin and treebeard's tree
# need none. Style attributes are allowed (not <style> elements): procrastinate's job pages
# use a few, and an attribute can restyle its own element only.
CONTENT_SECURITY_POLICY: dict[str, Any] = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# The API docs pages (common/urls.py) load only the sidecar's files from this origin, and run no
# inline script: Swagger UI's start-up script is a file too (SpectacularSwaggerSplitView).
# Swagger UI's page has one inline <style>, allowed by the request's nonce. ReDoc builds its
# styles at run time (styled-components: no nonce to give it, so 'unsafe-inline' for styles,
# never for scripts), runs its search in a Worker made from a blob: URL, and shows its logo from
# cdn.redoc.ly. Checked in headless Chromium: both render with no CSP violation.
CSP_SWAGGER_UI_DIRECTIVES: dict[str, list[Any]] = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "style-src": ["'self'", NONCE],
}
CSP_REDOC_DIRECTIVES: dict[str, list[Any]] = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "https://cdn.redoc.ly"],
    "worker-src": ["'self'", "blob:"],
}
# Responses that are not HTML (the API's JSON, the schema, CSV, probes, metrics) load and run
# nothing, and nothing may frame them (common.middleware.ContentSecurityPolicyMiddleware).
CSP_NOT_HTML_DIRECTIVES: dict[str, list[str]] = {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}

# CORS (django-cors-headers), for browser-based API consumers on other origins: none by default.
# Only the origins listed may call /api/ from a browser; the API authenticates with bearer tokens,
# never cookies, so credentials are not allowed.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_HEADERS = (
    *("accept", "authorization", "content-type", "user-agent", "x-requested-with"),
    *("idempotency-key", "if-match", "x-request-id", "traceparent", "tracestate"),
)
CORS_EXPOSE_HEADERS = [
    "etag",
    "location",
    "retry-after",
    "idempotent-replayed",
    "x-request-id",
    "content-disposition",
    "search-indexed-through",
]
CORS_PREFLIGHT_MAX_AGE = 3600

# --- API ------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["common.request_limits.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["common.auth.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "common.pagination.CursorPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "common.schema.AutoSchema",
    "EXCEPTION_HANDLER": "drf_standardized_errors.handler.exception_handler",
    "UNAUTHENTICATED_USER": None,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # How many proxies in front of the service append to X-Forwarded-For (the ingress: 1). The
    # client address (accounts' throttles and lockout, the browser address catalog and orders
    # relay at admin sign-in) is the entry the nearest of them appended. With the default 0 the
    # header is ignored; left unset, DRF would trust it, and every forged value would be a new
    # client.
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
}

DRF_STANDARDIZED_ERRORS: dict[str, Any] = {
    # Document 409, 412 and 422 too where a view declares them; 414 and 431, gunicorn's own
    # answers (common/gunicorn_conf.py), 413, a body over the limit (common/request_limits.py),
    # and 503, a request that lost its database (common/exception_handler.py), on every operation.
    "ALLOWED_ERROR_STATUS_CODES": [
        *("400", "401", "403", "404", "405", "406", "409", "412", "415", "422", "429", "500"),
        *("413", "414", "431", "503"),
    ],
    "ERROR_SCHEMAS": {
        "413": "common.openapi_errors.ErrorResponse413Serializer",
        "414": "common.openapi_errors.ErrorResponse414Serializer",
        "431": "common.openapi_errors.ErrorResponse431Serializer",
        "503": "common.openapi_errors.ErrorResponse503Serializer",
    },
    # Django's refusals of a body (too large, too many fields) are 413s, not 500s.
    "EXCEPTION_HANDLER_CLASS": "common.exception_handler.ExceptionHandler",
}
# The largest request body (without the files of a multipart upload, which a view may allow
# more: catalog's PRODUCT_IMPORT_MAX_BYTES), and the most form fields and files in one. Over
# them: 413 content_too_large (common/request_limits.py). Django's defaults, named here because
# the API documents them.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 100


def spectacular_settings(*, title: str, description: str, version: str = "1.0.0") -> dict[str, Any]:
    # `version` is the API's (info.version): a breaking change to the schema must raise it
    # (make schema-compat, docs/api.md).
    return {
        "TITLE": title,
        "DESCRIPTION": description,
        "VERSION": version,
        "SERVE_INCLUDE_SCHEMA": False,
        "SWAGGER_UI_DIST": "SIDECAR",
        "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
        "REDOC_DIST": "SIDECAR",
        "COMPONENT_SPLIT_REQUEST": True,
        "ENUM_NAME_OVERRIDES": {
            "ValidationErrorEnum": "drf_standardized_errors.openapi_serializers.ValidationErrorEnum.choices",
            "ClientErrorEnum": "drf_standardized_errors.openapi_serializers.ClientErrorEnum.choices",
            "ServerErrorEnum": "drf_standardized_errors.openapi_serializers.ServerErrorEnum.choices",
            "ErrorCode401Enum": "drf_standardized_errors.openapi_serializers.ErrorCode401Enum.choices",
            "ErrorCode403Enum": "drf_standardized_errors.openapi_serializers.ErrorCode403Enum.choices",
            "ErrorCode404Enum": "drf_standardized_errors.openapi_serializers.ErrorCode404Enum.choices",
            "ErrorCode405Enum": "drf_standardized_errors.openapi_serializers.ErrorCode405Enum.choices",
            "ErrorCode406Enum": "drf_standardized_errors.openapi_serializers.ErrorCode406Enum.choices",
            "ErrorCode415Enum": "drf_standardized_errors.openapi_serializers.ErrorCode415Enum.choices",
            "ErrorCode429Enum": "drf_standardized_errors.openapi_serializers.ErrorCode429Enum.choices",
            "ErrorCode500Enum": "drf_standardized_errors.openapi_serializers.ErrorCode500Enum.choices",
        },
        "POSTPROCESSING_HOOKS": [
            "drf_standardized_errors.openapi_hooks.postprocess_schema_enums",
            "common.openapi_errors.shared_error_components",
        ],
    }


# --- Identity (docs/identity.md) ---------------------------------------------------------
JWT_ISSUER = env.str("JWT_ISSUER", default="mercato-accounts")
JWT_AUDIENCE = env.str("JWT_AUDIENCE", default="mercato")
JWT_LEEWAY_SECONDS = env.int("JWT_LEEWAY_SECONDS", default=1)
# Where JWTAuthentication gets the public key for a token's kid: by default the JWKS of
# accounts (common.auth.keys); accounts itself names a resolver over its own keys.
JWT_KEY_RESOLVER = "common.auth.keys.public_key_for_kid"
# Whether that resolver fetches the keys over HTTP, so that they can be away (a 503
# authentication_unavailable, which the schema documents where it does).
JWT_KEYS_OVER_HTTP = True
# The JWKS is cached this long, and fetched again early (at most once per
# JWKS_MIN_REFETCH_SECONDS) when a token names a kid not in it: a rotated-in key.
JWKS_CACHE_SECONDS = env.int("JWKS_CACHE_SECONDS", default=300)
JWKS_MIN_REFETCH_SECONDS = env.int("JWKS_MIN_REFETCH_SECONDS", default=10)

# --- Operations -----------------------------------------------------------------------------
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    # Keep whatever id the caller or the ingress sent (not only UUIDs), so one id follows a
    # request across services.
    "VALIDATE_GUID": False,
    "RETURN_HEADER": True,
    # Exposing it to other origins is CORS's business (CORS_EXPOSE_HEADERS), and only theirs.
    "EXPOSE_HEADER": False,
}

PROMETHEUS_METRIC_NAMESPACE = "mercato"
# Periodic tasks (by periodic_id) the procrastinate worker must not defer because something else
# runs them on a schedule: the Helm chart's CronJobs (docs/deploy.md). Only catalog and orders
# have a worker; common/periodic.py drops them once the service's tasks are registered.
EXTERNAL_PERIODIC_TASKS = env.list("EXTERNAL_PERIODIC_TASKS", default=[])
# Each service's AppConfig.ready() imports its tasks module (common.periodic.register_tasks),
# after procrastinate's app exists. procrastinate's own discovery imports it earlier, onto a
# placeholder it then copies into the app: every periodic task was registered (and logged) twice.
PROCRASTINATE_AUTODISCOVER_MODULE_NAME = ""
# Every job deferred and run in its deferring request's trace (common/jobs.py).
PROCRASTINATE_ON_APP_READY = "common.jobs.on_app_ready"
# The worker's heartbeat (procrastinate's, in its database) and how old it may get before the
# worker counts as stalled: its jobs then go to other workers, and its liveness probe fails
# (common/worker.py). procrastinate's defaults.
WORKER_HEARTBEAT_SECONDS = env.float("WORKER_HEARTBEAT_SECONDS", default=10.0)
WORKER_STALLED_SECONDS = env.float("WORKER_STALLED_SECONDS", default=30.0)
# Jobs a worker runs at once (procrastinate's ``concurrency``; its sync tasks run in threads,
# each thread with its own database connection). One by default; catalog's worker runs two, so
# that its short jobs (search indexing, reservation expiry) do not wait behind a long import.
WORKER_CONCURRENCY = env.int("WORKER_CONCURRENCY", default=1)
PROCRASTINATE_WORKER_DEFAULTS: dict[str, Any] = {
    "update_heartbeat_interval": WORKER_HEARTBEAT_SECONDS,
    "stalled_worker_timeout": WORKER_STALLED_SECONDS,
    "concurrency": WORKER_CONCURRENCY,
}
if DATABASE_POOL_MODE == "transaction" and not DATABASE_DIRECT_URL:
    # LISTEN holds a server session that a transaction pooler hands to others after the
    # statement: notifications of new jobs would not arrive. The worker polls instead, every
    # WORKER_POLL_SECONDS (the worker command's --fetch-job-polling-interval and --listen-notify
    # still override both).
    PROCRASTINATE_WORKER_DEFAULTS["listen_notify"] = False
    PROCRASTINATE_WORKER_DEFAULTS["fetch_job_polling_interval"] = env.float("WORKER_POLL_SECONDS", default=1.0)
# host:port where a worker serves /metrics and /healthz (common/worker.py); empty: nowhere.
WORKER_METRICS_BIND = env.str("WORKER_METRICS_BIND", default="")
# How long /metrics waits for the series read from the database (common/metrics.py); 0: no
# limit, read in the request's thread.
METRICS_COLLECTORS_TIMEOUT = env.float("METRICS_COLLECTORS_TIMEOUT", default=2.0)
# Seconds /readyz waits for the database's answer before answering 503 (common/health.py); 0
# checks in the request's own thread without a limit. Below the chart's probe timeout (3 s).
READYZ_TIMEOUT = env.float("READYZ_TIMEOUT", default=2.0)
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
# "json" (the default: one object per line, for log pipelines) or "console" (short readable
# lines, common/logs.py), which the dev runner sets.
LOG_FORMAT = env.str("LOG_FORMAT", default="json")
if LOG_FORMAT not in ("json", "console"):
    raise environ.ImproperlyConfigured(f"LOG_FORMAT must be json or console, not {LOG_FORMAT!r}")


def logger_levels() -> dict[str, dict[str, str]]:
    """LOG_LEVELS, ``logger=LEVEL,...``: the levels of named loggers over LOG_LEVEL. The dev runner
    quiets the job queue's per-run lines and the lockout library's per-sign-in lines with it."""
    levels: dict[str, dict[str, str]] = {}
    for item in filter(None, env.list("LOG_LEVELS", default=[])):
        name, _, level = item.partition("=")
        if not name.strip() or level.strip().upper() not in logging.getLevelNamesMapping():
            raise environ.ImproperlyConfigured(f"LOG_LEVELS: {item!r} is not logger=LEVEL")
        levels[name.strip()] = {"level": level.strip().upper()}
    return levels


def logging_settings(service_name: str) -> dict[str, Any]:
    """One JSON object per line on stdout (or a console line, LOG_FORMAT), every record tagged with
    the service, the request id, and the trace and span of the current span (null outside one:
    common.tracing)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "django_guid.log_filters.CorrelationId"},
            "trace_ids": {"()": "common.tracing.TraceIdsFilter"},
            "probes": {"()": "common.logs.SkipSuccessfulProbes"},
        },
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(levelname)s %(name)s %(message)s %(correlation_id)s %(trace_id)s %(span_id)s",
                "rename_fields": {"levelname": "level", "name": "logger", "correlation_id": "request_id"},
                "static_fields": {"service": service_name},
                "timestamp": "time",
            },
            "console": {"()": "common.logs.ConsoleFormatter", "service": service_name},
        },
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "formatter": LOG_FORMAT,
                # JSON keeps every probe's line (an operator may count them); the console drops
                # the answered ones.
                "filters": ["request_id", "trace_ids", *(["probes"] if LOG_FORMAT == "console" else [])],
            },
        },
        "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
        "loggers": {
            # RequestLogMiddleware writes the one line per request; django.request would only
            # repeat 4xx lines. Keep its 5xx records, which carry the traceback.
            "django.request": {"level": "ERROR"},
            "django_guid": {"level": "WARNING"},
            **logger_levels(),
        },
    }
