"""What every catalog view shares: domain errors as HTTP errors, who may read and write, and
HTTP conditional requests (ETag, If-None-Match, If-Match)."""

from __future__ import annotations

from django.utils.http import parse_etags
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.permissions import SAFE_METHODS, AllowAny, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from catalog_service.catalog.api.errors import api_exception
from catalog_service.catalog.exceptions import CatalogError
from common.auth.permissions import IsStaff
from common.views import DomainErrorAPIView


class CatalogAPIView(DomainErrorAPIView):
    """An APIView whose services' and selectors' refusals answer in the standard error shape."""

    def map_domain_error(self, exc: Exception) -> APIException | None:
        return api_exception(exc) if isinstance(exc, CatalogError) else None


class PublicReadStaffWriteView(CatalogAPIView):
    """Anyone reads; only staff write. Per method, so the schema documents 401/403 on writes only."""

    def get_permissions(self) -> list[BasePermission]:
        if self.request.method in SAFE_METHODS:
            return [AllowAny()]
        return [IsStaff()]


def is_staff(request: Request) -> bool:
    return bool(getattr(request.user, "is_staff", False))


def if_match(request: Request) -> frozenset[str] | None:
    """The entity tags of If-Match, or None without the header (the write is unconditional).

    A header that names no well-formed tag matches nothing, so the write is refused (412)
    rather than done unconditionally.
    """
    header = request.headers.get("If-Match")
    if header is None:
        return None
    return frozenset(parse_etags(header))


def not_modified(request: Request, etag: str) -> Response | None:
    """A 304 when If-None-Match names ``etag`` (weak comparison, as RFC 9110 asks), else None."""
    header = request.headers.get("If-None-Match")
    if header is None:
        return None
    tags = {tag.removeprefix("W/") for tag in parse_etags(header)}
    if "*" in tags or etag in tags:
        return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
    return None


def with_etag(response: Response, etag: str) -> Response:
    response["ETag"] = etag
    return response
