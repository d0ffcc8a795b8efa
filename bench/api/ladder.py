"""Rungs 3 and 4 of the API ladder (docs/performance.md, "The ladder"), between the floors of
bench/api/floors.py and catalog's real endpoints:

- rung 3, ``BENCH_LADDER_VIEW=django``: the bare Django view of the floor (the same function,
  the same SQL through Django's connection) inside catalog's real settings and middleware;
- rung 4, ``BENCH_LADDER_VIEW=drf``: a DRF ``APIView`` with catalog's base class (its
  authentication, permissions, renderer and exception handling) returning the same dict.

Both are served like the services:
``gunicorn -c python:common.gunicorn_conf bench.api.ladder:application``. Every other URL
(probes, metrics, admin, the rest of the API) is catalog's.
"""

from __future__ import annotations

import datetime
import decimal
import os
from collections.abc import Callable, Iterable
from typing import Any

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.api.ladder_settings"

VIEW = os.environ.get("BENCH_LADDER_VIEW", "django")

# catalog's error handlers (catalog_service/urls.py), by name: importing them needs the settings.
handler400 = "common.errors.bad_request"
handler403 = "common.errors.permission_denied"
handler404 = "common.errors.not_found"
handler500 = "common.errors.server_error"


def _plain(product: dict[str, Any]) -> dict[str, Any]:
    """The floor's row with money and times as the API writes them (what a serializer hands DRF)."""
    for name, value in product.items():
        if isinstance(value, decimal.Decimal):
            product[name] = str(value)
        elif isinstance(value, datetime.datetime):
            product[name] = value.isoformat().replace("+00:00", "Z")
    return product


def _drf_views() -> tuple[Callable[..., Any], Callable[..., Any]]:
    from django.db import connection
    from rest_framework.exceptions import NotFound
    from rest_framework.request import Request
    from rest_framework.response import Response

    from bench.api import floors
    from catalog_service.catalog.api.views.base import PublicReadStaffWriteView

    class ProductList(PublicReadStaffWriteView):
        def get(self, request: Request) -> Response:
            page_size = floors._page_size(request.META.get("QUERY_STRING", ""))
            with connection.cursor() as cursor:
                cursor.execute(floors.LIST_SQL, [page_size + 1])
                rows = cursor.fetchall()
            payload = floors._list_payload(rows, page_size)
            payload["results"] = [_plain(product) for product in payload["results"]]
            return Response(payload)

    class ProductDetail(PublicReadStaffWriteView):
        def get(self, request: Request, sku: str) -> Response:
            with connection.cursor() as cursor:
                cursor.execute(floors.DETAIL_SQL, [sku])
                row = cursor.fetchone()
            if row is None:
                raise NotFound
            return Response(_plain(floors._product(row)))

    return ProductList.as_view(), ProductDetail.as_view()


def _urlpatterns() -> list[Any]:
    from django.urls import path

    from bench.api import floors
    from catalog_service import urls as catalog_urls

    if VIEW == "drf":
        product_list, product_detail = _drf_views()
    elif VIEW == "django":
        product_list, product_detail = floors.product_list, floors.product_detail
    else:
        raise ValueError(f"BENCH_LADDER_VIEW must be django or drf, not {VIEW!r}")
    return [
        path("api/v1/products/", product_list),
        path("api/v1/products/<str:sku>/", product_detail),
        *catalog_urls.urlpatterns,
    ]


def _application() -> Callable[..., Iterable[bytes]]:
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


_BUILDERS: dict[str, Callable[[], Any]] = {"application": _application, "urlpatterns": _urlpatterns}


def __getattr__(name: str) -> Any:
    # Django imports this module as the URLconf once settings are loaded; gunicorn imports it for
    # the application first. Each is built when first asked for.
    if name not in _BUILDERS:
        raise AttributeError(name)
    value = globals()[name] = _BUILDERS[name]()
    return value
