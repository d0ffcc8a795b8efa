"""The floors of catalog's product detail and product list: the same rows, as little as possible
around them.

- ``django_application``: a bare Django project (no middleware, no apps, no DRF) whose two views
  run the same query through Django's connection, configured by the same
  ``common.settings.database_settings()`` (so the same pool or persistent connections);
- ``wsgi_application``: a WSGI callable running the same query through a psycopg pool of the
  same size, no framework at all.

Both answer ``/api/v1/products/<sku>/`` and ``/api/v1/products/?page_size=N`` (first page by
name, like catalog's default ordering), with the JSON catalog renders for those rows, and are
served by the same gunicorn config as the services:
``gunicorn -c python:common.gunicorn_conf bench.api.floors:django_application``.
"""

from __future__ import annotations

import datetime
import decimal
import json
import os
from collections.abc import Callable, Iterable
from typing import Any

COLUMNS = (
    "sku",
    "name",
    "slug",
    "description",
    "category_id",
    "price",
    "currency",
    "attributes",
    "is_active",
    "created_at",
    "updated_at",
)
SELECT = f"SELECT {', '.join(COLUMNS)} FROM catalog_product"  # noqa: S608  (constant columns)
DETAIL_SQL = f"{SELECT} WHERE sku = %s AND is_active"
LIST_SQL = f"{SELECT} WHERE is_active ORDER BY name, id LIMIT %s"
DETAIL_PREFIX = "/api/v1/products/"
MAX_PAGE_SIZE = 200


def _product(row: tuple[Any, ...]) -> dict[str, Any]:
    product = dict(zip(COLUMNS, row, strict=True))
    product["category"] = product.pop("category_id")
    if isinstance(product["attributes"], str):  # Django's raw cursor leaves jsonb as text
        product["attributes"] = json.loads(product["attributes"])
    return product


def _default(value: object) -> str:
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat().replace("+00:00", "Z")
    raise TypeError(type(value))


def _dumps(payload: object) -> bytes:
    return json.dumps(payload, default=_default).encode()


def _page_size(query: str) -> int:
    for pair in query.split("&"):
        name, _, value = pair.partition("=")
        if name == "page_size" and value.isdigit():
            return max(1, min(int(value), MAX_PAGE_SIZE))
    return 50


def _list_payload(rows: list[tuple[Any, ...]], page_size: int) -> dict[str, Any]:
    return {"next": None, "next_cursor": None, "previous": None, "results": [_product(row) for row in rows[:page_size]]}


# --- bare Django -------------------------------------------------------------------------------


def _django() -> Callable[..., Iterable[bytes]]:
    import django
    from django.conf import settings

    from common.settings import database_settings

    settings.configure(
        DEBUG=False,
        SECRET_KEY=os.environ["SECRET_KEY"],
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        DATABASES={"default": database_settings()},
        INSTALLED_APPS=[],
        MIDDLEWARE=[],
        USE_TZ=True,
        TIME_ZONE="UTC",
    )
    django.setup()
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


def product_detail(request: Any, sku: str) -> Any:
    from django.db import connection
    from django.http import HttpResponse

    with connection.cursor() as cursor:
        cursor.execute(DETAIL_SQL, [sku])
        row = cursor.fetchone()
    if row is None:
        return HttpResponse(b'{"type":"client_error"}', status=404, content_type="application/json")
    return HttpResponse(_dumps(_product(row)), content_type="application/json")


def product_list(request: Any) -> Any:
    from django.db import connection
    from django.http import HttpResponse

    page_size = _page_size(request.META.get("QUERY_STRING", ""))
    with connection.cursor() as cursor:
        cursor.execute(LIST_SQL, [page_size + 1])
        rows = cursor.fetchall()
    return HttpResponse(_dumps(_list_payload(rows, page_size)), content_type="application/json")


def _urlpatterns() -> list[Any]:
    from django.http import HttpResponse
    from django.urls import path

    return [
        path("readyz", lambda request: HttpResponse(b'{"status":"ok"}', content_type="application/json")),
        path("api/v1/products/", product_list),
        path("api/v1/products/<str:sku>/", product_detail),
    ]


# --- bare WSGI + psycopg -----------------------------------------------------------------------


def _wsgi() -> Callable[..., Iterable[bytes]]:
    from psycopg_pool import ConnectionPool

    # The same sizes as the services' pools (common.settings.database_settings).
    pool = ConnectionPool(
        os.environ["DATABASE_URL"],
        min_size=int(os.environ.get("DB_POOL_MIN_SIZE", "2")),
        max_size=int(os.environ.get("DB_POOL_MAX_SIZE", "8")),
        timeout=float(os.environ.get("DB_POOL_TIMEOUT", "10")),
        kwargs={"autocommit": True},
        open=True,
    )

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path in ("/readyz", "/healthz"):
            start_response("200 OK", [("Content-Type", "application/json")])
            return [b'{"status":"ok"}']
        if not path.startswith(DETAIL_PREFIX):
            start_response("404 Not Found", [("Content-Type", "application/json")])
            return [b'{"type":"client_error"}']
        sku = path[len(DETAIL_PREFIX) :].rstrip("/")
        with pool.connection() as conn:
            if sku:
                row = conn.execute(DETAIL_SQL, [sku]).fetchone()
                payload = _product(row) if row is not None else None
            else:
                page_size = _page_size(environ.get("QUERY_STRING", ""))
                payload = _list_payload(conn.execute(LIST_SQL, [page_size + 1]).fetchall(), page_size)
        if payload is None:
            start_response("404 Not Found", [("Content-Type", "application/json")])
            return [b'{"type":"client_error"}']
        body = _dumps(payload)
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]

    return application


_BUILDERS: dict[str, Callable[[], Any]] = {
    "django_application": _django,
    "wsgi_application": _wsgi,
    "urlpatterns": _urlpatterns,
}


def __getattr__(name: str) -> Any:
    # gunicorn imports one of the applications in each worker; building only the one asked for
    # keeps the Django floor free of the psycopg pool and the other way round.
    if name not in _BUILDERS:
        raise AttributeError(name)
    value = globals()[name] = _BUILDERS[name]()
    return value
