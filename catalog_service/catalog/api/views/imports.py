"""Bulk product import: staff upload a file, a worker imports it, the job reports progress.

Thin: the upload is validated here, stored and queued by services.imports, run by the worker.
"""

from __future__ import annotations

from typing import Any, ClassVar
from uuid import UUID

from django.core.files.uploadedfile import UploadedFile
from drf_spectacular.utils import OpenApiResponse, extend_schema
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from catalog_service.catalog.api.serializers.imports import (
    ProductImportDetailSerializer,
    ProductImportSerializer,
    ProductImportUploadSerializer,
)
from catalog_service.catalog.api.views.base import CatalogAPIView
from catalog_service.catalog.models import ImportFormat, ProductImport
from catalog_service.catalog.selectors.imports import product_import_errors, product_import_get, product_import_list
from catalog_service.catalog.services.imports import product_import_upload
from common.auth.authentication import token_user
from common.auth.permissions import IsStaff

TAGS = ["product-imports"]


# The checks of the file itself (catalog.services.imports).
@extend_validation_errors(["empty", "invalid"], field_name="file", methods=["post"])
@extend_validation_errors(["unknown_format"], field_name="file_format", methods=["post"])
class ProductImportListView(CatalogAPIView, GenericAPIView[ProductImport]):
    permission_classes = (IsStaff,)
    # Multipart only: Django spools an upload above FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary
    # file, so a file of any size is never held in memory whole.
    parser_classes = (MultiPartParser,)
    # An upload may be as large as the file (common.request_limits refuses more, unread, with a 413).
    request_body_limits: ClassVar[dict[str, str]] = {"POST": "PRODUCT_IMPORT_MAX_BYTES"}
    serializer_class = ProductImportSerializer
    ordering = ("-created_at", "-id")

    def get_queryset(self) -> Any:
        return product_import_list()

    @extend_schema(
        operation_id="product_imports_list",
        tags=TAGS,
        summary="List product import jobs, newest first (staff)",
        description="Keyset-paginated: follow `next`/`previous`; no total count is computed.",
        responses=ProductImportSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        page: list[ProductImport] | None = self.paginate_queryset(self.get_queryset())
        assert page is not None  # a paginator is always configured
        data = [ProductImportSerializer(job, context={"request": request}).data for job in page]
        return self.get_paginated_response(data)

    @extend_schema(
        operation_id="product_imports_create",
        tags=TAGS,
        summary="Upload a CSV or NDJSON file of products to import (staff)",
        description=(
            "Stores the file and queues its import; answers 202 with the job at once. Follow "
            "`links.self` for progress, counts and rejected rows. Rows are upserted by SKU: "
            "importing the same file again changes nothing. See docs/catalog-bulk.md for the format."
        ),
        request=ProductImportUploadSerializer,  # as multipart/form-data, the only parser
        responses={202: OpenApiResponse(ProductImportSerializer, description="The queued job.")},
    )
    def post(self, request: Request) -> Response:
        upload_serializer = ProductImportUploadSerializer(data=request.data)
        upload_serializer.is_valid(raise_exception=True)
        upload: UploadedFile = upload_serializer.validated_data["file"]
        # The body's length (Content-Length) bounds the file's, and was checked before any read.
        requested = upload_serializer.validated_data.get("file_format")
        job = product_import_upload(
            upload=upload, requested=ImportFormat(requested) if requested else None, actor=token_user(request).principal
        )
        body = ProductImportSerializer(job, context={"request": request}).data
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["links"]["self"]})


class ProductImportDetailView(CatalogAPIView):
    permission_classes = (IsStaff,)

    @extend_schema(
        operation_id="product_imports_retrieve",
        tags=TAGS,
        summary="A product import job: status, progress, counts and the first rejected rows (staff)",
        description=(
            "`status` goes queued, running, then succeeded or failed; the counts grow after every batch "
            "of rows. Each rejected row's problems name its line (the header is line 1), the field and why."
        ),
        responses=ProductImportDetailSerializer,
    )
    def get(self, request: Request, import_id: UUID) -> Response:
        job = product_import_get(import_id=import_id)
        context = {"request": request, "rejected_rows": product_import_errors(import_id=job.pk)}
        return Response(ProductImportDetailSerializer(job, context=context).data)
