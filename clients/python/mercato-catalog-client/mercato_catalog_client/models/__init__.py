"""Contains all the data models used in inputs/outputs"""

from .adjustment_mode_enum import AdjustmentModeEnum
from .adjustment_reason_enum import AdjustmentReasonEnum
from .availability import Availability
from .availability_item import AvailabilityItem
from .availability_query_request import AvailabilityQueryRequest
from .category import Category
from .category_write_request import CategoryWriteRequest
from .error import Error
from .error_code_enum import ErrorCodeEnum
from .error_response import ErrorResponse
from .error_response_type_enum import ErrorResponseTypeEnum
from .file_format_enum import FileFormatEnum
from .movement_reason_enum import MovementReasonEnum
from .paginated_product_import_list import PaginatedProductImportList
from .paginated_product_list import PaginatedProductList
from .paginated_stock_movement_list import PaginatedStockMovementList
from .patched_category_write_request import PatchedCategoryWriteRequest
from .patched_product_update_request import PatchedProductUpdateRequest
from .product import Product
from .product_attributes import ProductAttributes
from .product_create_request import ProductCreateRequest
from .product_import import ProductImport
from .product_import_detail import ProductImportDetail
from .product_import_links import ProductImportLinks
from .product_import_row_error import ProductImportRowError
from .product_import_status_enum import ProductImportStatusEnum
from .product_import_upload_request import ProductImportUploadRequest
from .product_update_request import ProductUpdateRequest
from .products_export_file_format import ProductsExportFileFormat
from .products_export_ordering import ProductsExportOrdering
from .products_list_ordering import ProductsListOrdering
from .reservation import Reservation
from .reservation_create_line_request import ReservationCreateLineRequest
from .reservation_create_request import ReservationCreateRequest
from .reservation_line import ReservationLine
from .reservation_state import ReservationState
from .reservation_states import ReservationStates
from .reservation_states_query_request import ReservationStatesQueryRequest
from .reservation_status_enum import ReservationStatusEnum
from .stock_adjustment import StockAdjustment
from .stock_adjustment_create_request import StockAdjustmentCreateRequest
from .stock_level import StockLevel
from .stock_movement import StockMovement
from .validation_error import ValidationError
from .validation_error_code_enum import ValidationErrorCodeEnum
from .validation_error_response import ValidationErrorResponse
from .validation_error_response_type_enum import ValidationErrorResponseTypeEnum
from .who_am_i import WhoAmI

__all__ = (
    "AdjustmentModeEnum",
    "AdjustmentReasonEnum",
    "Availability",
    "AvailabilityItem",
    "AvailabilityQueryRequest",
    "Category",
    "CategoryWriteRequest",
    "Error",
    "ErrorCodeEnum",
    "ErrorResponse",
    "ErrorResponseTypeEnum",
    "FileFormatEnum",
    "MovementReasonEnum",
    "PaginatedProductImportList",
    "PaginatedProductList",
    "PaginatedStockMovementList",
    "PatchedCategoryWriteRequest",
    "PatchedProductUpdateRequest",
    "Product",
    "ProductAttributes",
    "ProductCreateRequest",
    "ProductImport",
    "ProductImportDetail",
    "ProductImportLinks",
    "ProductImportRowError",
    "ProductImportStatusEnum",
    "ProductImportUploadRequest",
    "ProductsExportFileFormat",
    "ProductsExportOrdering",
    "ProductsListOrdering",
    "ProductUpdateRequest",
    "Reservation",
    "ReservationCreateLineRequest",
    "ReservationCreateRequest",
    "ReservationLine",
    "ReservationState",
    "ReservationStates",
    "ReservationStatesQueryRequest",
    "ReservationStatusEnum",
    "StockAdjustment",
    "StockAdjustmentCreateRequest",
    "StockLevel",
    "StockMovement",
    "ValidationError",
    "ValidationErrorCodeEnum",
    "ValidationErrorResponse",
    "ValidationErrorResponseTypeEnum",
    "WhoAmI",
)
