from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from catalog_service.catalog.api.errors import (
    ConflictErrorResponseSerializer,
    PreconditionFailedErrorResponseSerializer,
)
from catalog_service.catalog.api.filters import CategoryListFilterSerializer
from catalog_service.catalog.api.serializers.categories import CategorySerializer, CategoryWriteSerializer
from catalog_service.catalog.api.views.base import (
    PublicReadStaffWriteView,
    if_match,
    not_modified,
    with_etag,
)
from catalog_service.catalog.models import Category
from catalog_service.catalog.selectors.categories import category_get, category_list
from catalog_service.catalog.services.categories import (
    CategoryChanges,
    category_create,
    category_delete,
    category_update,
)
from catalog_service.catalog.versions import entity_tag
from common.query_params import document_query_errors
from common.replicas import reads_from_replica

TAGS = ["categories"]
ETAG_HEADER = OpenApiParameter("ETag", str, OpenApiParameter.HEADER, response=[200, 201], description="The version.")
IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match", str, OpenApiParameter.HEADER, description="An ETag you hold: 304 while it is current."
)
IF_MATCH = OpenApiParameter(
    "If-Match", str, OpenApiParameter.HEADER, description="The ETag you read: 412 if the category changed since."
)


def _etag(category: Category) -> str:
    return entity_tag(pk=category.pk, updated_at=category.updated_at)


@document_query_errors(CategoryListFilterSerializer)
# The services check the parent exists (catalog.services.categories).
@extend_validation_errors(["does_not_exist"], field_name="parent", methods=["post"])
@reads_from_replica
class CategoryListView(PublicReadStaffWriteView):
    @extend_schema(
        operation_id="categories_list",
        tags=TAGS,
        summary="The category tree",
        description=(
            "Every category, flat, in depth-first order (each parent before its children), with its "
            "`parent` and `depth`: enough to build the tree or a breadcrumb in one request. Not paginated."
        ),
        parameters=[CategoryListFilterSerializer],
        responses=CategorySerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        params = CategoryListFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        categories = category_list(
            parent_id=params.validated_data.get("parent"), max_depth=params.validated_data.get("max_depth")
        )
        return Response(CategorySerializer(categories, many=True).data)

    @extend_schema(
        operation_id="categories_create",
        tags=TAGS,
        summary="Create a category (staff)",
        request=CategoryWriteSerializer,
        responses={201: CategorySerializer, 409: ConflictErrorResponseSerializer},
        parameters=[ETAG_HEADER],
    )
    def post(self, request: Request) -> Response:
        body = CategoryWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        created = category_create(
            name=body.validated_data["name"], slug=body.validated_data["slug"], parent_id=body.validated_data["parent"]
        )
        category = category_get(category_id=created.pk)
        return with_etag(Response(CategorySerializer(category).data, status=status.HTTP_201_CREATED), _etag(category))


@extend_validation_errors(["does_not_exist"], field_name="parent", methods=["put", "patch"])
@reads_from_replica
class CategoryDetailView(PublicReadStaffWriteView):
    @extend_schema(
        operation_id="categories_retrieve",
        tags=TAGS,
        summary="One category",
        parameters=[IF_NONE_MATCH, ETAG_HEADER],
        responses={200: CategorySerializer, 304: OpenApiResponse(description="Not modified.")},
    )
    def get(self, request: Request, category_id: int) -> Response:
        category = category_get(category_id=category_id)
        etag = _etag(category)
        return not_modified(request, etag) or with_etag(Response(CategorySerializer(category).data), etag)

    @extend_schema(
        operation_id="categories_update",
        tags=TAGS,
        summary="Replace a category (staff)",
        description="An absent `parent` makes it a root. Moving a category moves its subtree.",
        request=CategoryWriteSerializer,
        parameters=[IF_MATCH, ETAG_HEADER],
        responses={
            200: CategorySerializer,
            409: ConflictErrorResponseSerializer,
            412: PreconditionFailedErrorResponseSerializer,
        },
    )
    def put(self, request: Request, category_id: int) -> Response:
        return self._update(request, category_id, partial=False)

    @extend_schema(
        operation_id="categories_partial_update",
        tags=TAGS,
        summary="Change a category (staff)",
        description="Changing `parent` moves the category with its subtree.",
        request=CategoryWriteSerializer(partial=True),
        parameters=[IF_MATCH, ETAG_HEADER],
        responses={
            200: CategorySerializer,
            409: ConflictErrorResponseSerializer,
            412: PreconditionFailedErrorResponseSerializer,
        },
    )
    def patch(self, request: Request, category_id: int) -> Response:
        return self._update(request, category_id, partial=True)

    @extend_schema(
        operation_id="categories_destroy",
        tags=TAGS,
        summary="Delete a category (staff)",
        description="Only a category without subcategories and products (409 otherwise).",
        parameters=[IF_MATCH],
        responses={
            204: None,
            409: ConflictErrorResponseSerializer,
            412: PreconditionFailedErrorResponseSerializer,
        },
    )
    def delete(self, request: Request, category_id: int) -> Response:
        category_delete(category_id=category_id, if_match=if_match(request))
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _update(self, request: Request, category_id: int, *, partial: bool) -> Response:
        body = CategoryWriteSerializer(data=request.data, partial=partial)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        category_update(
            category_id=category_id,
            changes=CategoryChanges(
                **{
                    name: data[field]
                    for field, name in (("name", "name"), ("slug", "slug"), ("parent", "parent_id"))
                    if field in data
                }
            ),
            if_match=if_match(request),
        )
        category = category_get(category_id=category_id)
        return with_etag(Response(CategorySerializer(category).data), _etag(category))
