"""Product import jobs: the upload, the job with its progress, and its rejected rows."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalog_service.catalog.models import ImportFormat, ImportStatus, ProductImport, ProductImportError
from catalog_service.catalog.selectors.imports import ERRORS_SHOWN
from common.fields import StrictCharField, StrictURLField, StrictUUIDField
from common.serializers import StrictSerializer


class ProductImportUploadSerializer(StrictSerializer):
    file = serializers.FileField(
        allow_empty_file=False,
        max_length=255,
        help_text="The CSV or NDJSON file (docs/catalog-bulk.md). Any size up to the configured limit.",
    )
    file_format = serializers.ChoiceField(
        choices=ImportFormat.choices,
        required=False,
        help_text="The file's format; by default taken from its extension (.csv, .ndjson, .jsonl) or content type.",
    )


class ProductImportRowErrorSerializer(serializers.Serializer[ProductImportError]):
    line = serializers.IntegerField(help_text="The line of the file where the rejected record starts (1 = first line).")
    sku = StrictCharField(help_text="The record's SKU as given, when it had one.")
    field = serializers.SerializerMethodField(help_text="The field at fault; null when the whole record is.")
    code = StrictCharField()
    message = StrictCharField()

    def get_field(self, error: ProductImportError) -> str | None:
        return error.field or None


class ProductImportLinksSerializer(serializers.Serializer[Any]):
    self = StrictURLField()


class ProductImportSerializer(serializers.Serializer[ProductImport]):
    id = StrictUUIDField()
    status = serializers.ChoiceField(choices=ImportStatus.choices)
    file_format = serializers.ChoiceField(choices=ImportFormat.choices)
    file_name = StrictCharField()
    file_size = serializers.IntegerField(help_text="Bytes.")
    total_rows = serializers.IntegerField(
        allow_null=True, help_text="Rows in the file: estimated from its line count until the import finishes."
    )
    rows_processed = serializers.IntegerField()
    created = serializers.IntegerField(source="created_count")
    updated = serializers.IntegerField(source="updated_count")
    unchanged = serializers.IntegerField(source="unchanged_count")
    rejected = serializers.IntegerField(source="rejected_count")
    error = StrictCharField(help_text="Why a failed import failed; empty otherwise.")
    created_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
    links = serializers.SerializerMethodField()

    @extend_schema_field(ProductImportLinksSerializer)
    def get_links(self, job: ProductImport) -> dict[str, str]:
        path = reverse("catalog:product-import-detail", kwargs={"import_id": job.pk})
        request = self.context.get("request")
        return {"self": request.build_absolute_uri(path) if request is not None else path}


class ProductImportDetailSerializer(ProductImportSerializer):
    rejected_rows = serializers.SerializerMethodField(
        help_text=f"The problems of the first rejected rows, by line (at most {ERRORS_SHOWN})."
    )

    @extend_schema_field(ProductImportRowErrorSerializer(many=True))
    def get_rejected_rows(self, job: ProductImport) -> list[dict[str, Any]]:
        # Read by the view (selectors.imports.product_import_errors) and passed in context.
        errors = self.context.get("rejected_rows", [])
        return list(ProductImportRowErrorSerializer(errors, many=True).data)
