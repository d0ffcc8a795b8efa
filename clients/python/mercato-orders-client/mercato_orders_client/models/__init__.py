"""Contains all the data models used in inputs/outputs"""

from .blank_enum import BlankEnum
from .client_error_enum import ClientErrorEnum
from .content_too_large_error import ContentTooLargeError
from .content_too_large_error_code_enum import ContentTooLargeErrorCodeEnum
from .error_401 import Error401
from .error_403 import Error403
from .error_404 import Error404
from .error_405 import Error405
from .error_406 import Error406
from .error_415 import Error415
from .error_500 import Error500
from .error_code_401_enum import ErrorCode401Enum
from .error_code_403_enum import ErrorCode403Enum
from .error_code_404_enum import ErrorCode404Enum
from .error_code_405_enum import ErrorCode405Enum
from .error_code_406_enum import ErrorCode406Enum
from .error_code_415_enum import ErrorCode415Enum
from .error_code_500_enum import ErrorCode500Enum
from .error_response_401 import ErrorResponse401
from .error_response_403 import ErrorResponse403
from .error_response_404 import ErrorResponse404
from .error_response_405 import ErrorResponse405
from .error_response_406 import ErrorResponse406
from .error_response_413 import ErrorResponse413
from .error_response_414 import ErrorResponse414
from .error_response_415 import ErrorResponse415
from .error_response_431 import ErrorResponse431
from .error_response_500 import ErrorResponse500
from .header_fields_too_large_error import HeaderFieldsTooLargeError
from .header_fields_too_large_error_code_enum import HeaderFieldsTooLargeErrorCodeEnum
from .order import Order
from .order_create_with_address_id_request import OrderCreateWithAddressIdRequest
from .order_create_with_address_request import OrderCreateWithAddressRequest
from .order_line import OrderLine
from .order_line_create_request import OrderLineCreateRequest
from .order_rejected_line import OrderRejectedLine
from .order_rejection import OrderRejection
from .order_shipping_address import OrderShippingAddress
from .order_shipping_address_input_request import OrderShippingAddressInputRequest
from .order_status_change import OrderStatusChange
from .order_status_enum import OrderStatusEnum
from .order_transition_request import OrderTransitionRequest
from .orders_conflict_error import OrdersConflictError
from .orders_conflict_error_code_enum import OrdersConflictErrorCodeEnum
from .orders_conflict_error_response import OrdersConflictErrorResponse
from .orders_create_idempotency_key_error_component import OrdersCreateIdempotencyKeyErrorComponent
from .orders_create_idempotency_key_error_component_attr import OrdersCreateIdempotencyKeyErrorComponentAttr
from .orders_create_idempotency_key_error_component_code import OrdersCreateIdempotencyKeyErrorComponentCode
from .orders_create_key_error_component import OrdersCreateKEYErrorComponent
from .orders_create_key_error_component_code import OrdersCreateKEYErrorComponentCode
from .orders_create_lines_error_component import OrdersCreateLinesErrorComponent
from .orders_create_lines_error_component_attr import OrdersCreateLinesErrorComponentAttr
from .orders_create_lines_error_component_code import OrdersCreateLinesErrorComponentCode
from .orders_create_lines_index_error_component import OrdersCreateLinesINDEXErrorComponent
from .orders_create_lines_index_error_component_code import OrdersCreateLinesINDEXErrorComponentCode
from .orders_create_lines_index_non_field_errors_error_component import (
    OrdersCreateLinesINDEXNonFieldErrorsErrorComponent,
)
from .orders_create_lines_index_non_field_errors_error_component_code import (
    OrdersCreateLinesINDEXNonFieldErrorsErrorComponentCode,
)
from .orders_create_lines_index_quantity_error_component import OrdersCreateLinesINDEXQuantityErrorComponent
from .orders_create_lines_index_quantity_error_component_code import OrdersCreateLinesINDEXQuantityErrorComponentCode
from .orders_create_lines_index_sku_error_component import OrdersCreateLinesINDEXSkuErrorComponent
from .orders_create_lines_index_sku_error_component_code import OrdersCreateLinesINDEXSkuErrorComponentCode
from .orders_create_lines_indexkey_error_component import OrdersCreateLinesINDEXKEYErrorComponent
from .orders_create_lines_indexkey_error_component_code import OrdersCreateLinesINDEXKEYErrorComponentCode
from .orders_create_non_field_errors_error_component import OrdersCreateNonFieldErrorsErrorComponent
from .orders_create_non_field_errors_error_component_attr import OrdersCreateNonFieldErrorsErrorComponentAttr
from .orders_create_non_field_errors_error_component_code import OrdersCreateNonFieldErrorsErrorComponentCode
from .orders_create_shipping_address_city_error_component import OrdersCreateShippingAddressCityErrorComponent
from .orders_create_shipping_address_city_error_component_attr import OrdersCreateShippingAddressCityErrorComponentAttr
from .orders_create_shipping_address_city_error_component_code import OrdersCreateShippingAddressCityErrorComponentCode
from .orders_create_shipping_address_country_error_component import OrdersCreateShippingAddressCountryErrorComponent
from .orders_create_shipping_address_country_error_component_attr import (
    OrdersCreateShippingAddressCountryErrorComponentAttr,
)
from .orders_create_shipping_address_country_error_component_code import (
    OrdersCreateShippingAddressCountryErrorComponentCode,
)
from .orders_create_shipping_address_error_component import OrdersCreateShippingAddressErrorComponent
from .orders_create_shipping_address_error_component_attr import OrdersCreateShippingAddressErrorComponentAttr
from .orders_create_shipping_address_error_component_code import OrdersCreateShippingAddressErrorComponentCode
from .orders_create_shipping_address_id_error_component import OrdersCreateShippingAddressIdErrorComponent
from .orders_create_shipping_address_id_error_component_attr import OrdersCreateShippingAddressIdErrorComponentAttr
from .orders_create_shipping_address_id_error_component_code import OrdersCreateShippingAddressIdErrorComponentCode
from .orders_create_shipping_address_key_error_component import OrdersCreateShippingAddressKEYErrorComponent
from .orders_create_shipping_address_key_error_component_code import OrdersCreateShippingAddressKEYErrorComponentCode
from .orders_create_shipping_address_line_1_error_component import OrdersCreateShippingAddressLine1ErrorComponent
from .orders_create_shipping_address_line_1_error_component_attr import (
    OrdersCreateShippingAddressLine1ErrorComponentAttr,
)
from .orders_create_shipping_address_line_1_error_component_code import (
    OrdersCreateShippingAddressLine1ErrorComponentCode,
)
from .orders_create_shipping_address_line_2_error_component import OrdersCreateShippingAddressLine2ErrorComponent
from .orders_create_shipping_address_line_2_error_component_attr import (
    OrdersCreateShippingAddressLine2ErrorComponentAttr,
)
from .orders_create_shipping_address_line_2_error_component_code import (
    OrdersCreateShippingAddressLine2ErrorComponentCode,
)
from .orders_create_shipping_address_non_field_errors_error_component import (
    OrdersCreateShippingAddressNonFieldErrorsErrorComponent,
)
from .orders_create_shipping_address_non_field_errors_error_component_attr import (
    OrdersCreateShippingAddressNonFieldErrorsErrorComponentAttr,
)
from .orders_create_shipping_address_non_field_errors_error_component_code import (
    OrdersCreateShippingAddressNonFieldErrorsErrorComponentCode,
)
from .orders_create_shipping_address_phone_error_component import OrdersCreateShippingAddressPhoneErrorComponent
from .orders_create_shipping_address_phone_error_component_attr import (
    OrdersCreateShippingAddressPhoneErrorComponentAttr,
)
from .orders_create_shipping_address_phone_error_component_code import (
    OrdersCreateShippingAddressPhoneErrorComponentCode,
)
from .orders_create_shipping_address_postal_code_error_component import (
    OrdersCreateShippingAddressPostalCodeErrorComponent,
)
from .orders_create_shipping_address_postal_code_error_component_attr import (
    OrdersCreateShippingAddressPostalCodeErrorComponentAttr,
)
from .orders_create_shipping_address_postal_code_error_component_code import (
    OrdersCreateShippingAddressPostalCodeErrorComponentCode,
)
from .orders_create_shipping_address_recipient_error_component import OrdersCreateShippingAddressRecipientErrorComponent
from .orders_create_shipping_address_recipient_error_component_attr import (
    OrdersCreateShippingAddressRecipientErrorComponentAttr,
)
from .orders_create_shipping_address_recipient_error_component_code import (
    OrdersCreateShippingAddressRecipientErrorComponentCode,
)
from .orders_create_shipping_address_region_error_component import OrdersCreateShippingAddressRegionErrorComponent
from .orders_create_shipping_address_region_error_component_attr import (
    OrdersCreateShippingAddressRegionErrorComponentAttr,
)
from .orders_create_shipping_address_region_error_component_code import (
    OrdersCreateShippingAddressRegionErrorComponentCode,
)
from .orders_create_validation_error import OrdersCreateValidationError
from .orders_list_created_after_error_component import OrdersListCreatedAfterErrorComponent
from .orders_list_created_after_error_component_attr import OrdersListCreatedAfterErrorComponentAttr
from .orders_list_created_after_error_component_code import OrdersListCreatedAfterErrorComponentCode
from .orders_list_created_before_error_component import OrdersListCreatedBeforeErrorComponent
from .orders_list_created_before_error_component_attr import OrdersListCreatedBeforeErrorComponentAttr
from .orders_list_created_before_error_component_code import OrdersListCreatedBeforeErrorComponentCode
from .orders_list_cursor_error_component import OrdersListCursorErrorComponent
from .orders_list_cursor_error_component_attr import OrdersListCursorErrorComponentAttr
from .orders_list_cursor_error_component_code import OrdersListCursorErrorComponentCode
from .orders_list_non_field_errors_error_component import OrdersListNonFieldErrorsErrorComponent
from .orders_list_non_field_errors_error_component_attr import OrdersListNonFieldErrorsErrorComponentAttr
from .orders_list_non_field_errors_error_component_code import OrdersListNonFieldErrorsErrorComponentCode
from .orders_list_page_size_error_component import OrdersListPageSizeErrorComponent
from .orders_list_page_size_error_component_attr import OrdersListPageSizeErrorComponentAttr
from .orders_list_page_size_error_component_code import OrdersListPageSizeErrorComponentCode
from .orders_list_status import OrdersListStatus
from .orders_list_status_error_component import OrdersListStatusErrorComponent
from .orders_list_status_error_component_attr import OrdersListStatusErrorComponentAttr
from .orders_list_status_error_component_code import OrdersListStatusErrorComponentCode
from .orders_list_validation_error import OrdersListValidationError
from .orders_unavailable_error import OrdersUnavailableError
from .orders_unavailable_error_code_enum import OrdersUnavailableErrorCodeEnum
from .orders_unavailable_error_response import OrdersUnavailableErrorResponse
from .orders_unprocessable_error import OrdersUnprocessableError
from .orders_unprocessable_error_code_enum import OrdersUnprocessableErrorCodeEnum
from .orders_unprocessable_error_response import OrdersUnprocessableErrorResponse
from .paginated_order_list import PaginatedOrderList
from .paginated_order_status_change_list import PaginatedOrderStatusChangeList
from .paginated_staff_order_list import PaginatedStaffOrderList
from .parse_error import ParseError
from .parse_error_code_enum import ParseErrorCodeEnum
from .parse_error_response import ParseErrorResponse
from .rejection_reason_enum import RejectionReasonEnum
from .reports_orders_export_date_from_error_component import ReportsOrdersExportDateFromErrorComponent
from .reports_orders_export_date_from_error_component_attr import ReportsOrdersExportDateFromErrorComponentAttr
from .reports_orders_export_date_from_error_component_code import ReportsOrdersExportDateFromErrorComponentCode
from .reports_orders_export_date_to_error_component import ReportsOrdersExportDateToErrorComponent
from .reports_orders_export_date_to_error_component_attr import ReportsOrdersExportDateToErrorComponentAttr
from .reports_orders_export_date_to_error_component_code import ReportsOrdersExportDateToErrorComponentCode
from .reports_orders_export_format import ReportsOrdersExportFormat
from .reports_orders_export_non_field_errors_error_component import ReportsOrdersExportNonFieldErrorsErrorComponent
from .reports_orders_export_non_field_errors_error_component_attr import (
    ReportsOrdersExportNonFieldErrorsErrorComponentAttr,
)
from .reports_orders_export_non_field_errors_error_component_code import (
    ReportsOrdersExportNonFieldErrorsErrorComponentCode,
)
from .reports_orders_export_status import ReportsOrdersExportStatus
from .reports_orders_export_status_error_component import ReportsOrdersExportStatusErrorComponent
from .reports_orders_export_status_error_component_attr import ReportsOrdersExportStatusErrorComponentAttr
from .reports_orders_export_status_error_component_code import ReportsOrdersExportStatusErrorComponentCode
from .reports_orders_export_validation_error import ReportsOrdersExportValidationError
from .reports_sales_date_from_error_component import ReportsSalesDateFromErrorComponent
from .reports_sales_date_from_error_component_attr import ReportsSalesDateFromErrorComponentAttr
from .reports_sales_date_from_error_component_code import ReportsSalesDateFromErrorComponentCode
from .reports_sales_date_to_error_component import ReportsSalesDateToErrorComponent
from .reports_sales_date_to_error_component_attr import ReportsSalesDateToErrorComponentAttr
from .reports_sales_date_to_error_component_code import ReportsSalesDateToErrorComponentCode
from .reports_sales_group_by import ReportsSalesGroupBy
from .reports_sales_group_by_error_component import ReportsSalesGroupByErrorComponent
from .reports_sales_group_by_error_component_attr import ReportsSalesGroupByErrorComponentAttr
from .reports_sales_group_by_error_component_code import ReportsSalesGroupByErrorComponentCode
from .reports_sales_limit_error_component import ReportsSalesLimitErrorComponent
from .reports_sales_limit_error_component_attr import ReportsSalesLimitErrorComponentAttr
from .reports_sales_limit_error_component_code import ReportsSalesLimitErrorComponentCode
from .reports_sales_non_field_errors_error_component import ReportsSalesNonFieldErrorsErrorComponent
from .reports_sales_non_field_errors_error_component_attr import ReportsSalesNonFieldErrorsErrorComponentAttr
from .reports_sales_non_field_errors_error_component_code import ReportsSalesNonFieldErrorsErrorComponentCode
from .reports_sales_validation_error import ReportsSalesValidationError
from .sales_report import SalesReport
from .sales_report_row import SalesReportRow
from .server_error_enum import ServerErrorEnum
from .staff_order import StaffOrder
from .staff_orders_cancel_key_error_component import StaffOrdersCancelKEYErrorComponent
from .staff_orders_cancel_key_error_component_code import StaffOrdersCancelKEYErrorComponentCode
from .staff_orders_cancel_non_field_errors_error_component import StaffOrdersCancelNonFieldErrorsErrorComponent
from .staff_orders_cancel_non_field_errors_error_component_attr import StaffOrdersCancelNonFieldErrorsErrorComponentAttr
from .staff_orders_cancel_non_field_errors_error_component_code import StaffOrdersCancelNonFieldErrorsErrorComponentCode
from .staff_orders_cancel_reason_error_component import StaffOrdersCancelReasonErrorComponent
from .staff_orders_cancel_reason_error_component_attr import StaffOrdersCancelReasonErrorComponentAttr
from .staff_orders_cancel_reason_error_component_code import StaffOrdersCancelReasonErrorComponentCode
from .staff_orders_cancel_validation_error import StaffOrdersCancelValidationError
from .staff_orders_fulfil_key_error_component import StaffOrdersFulfilKEYErrorComponent
from .staff_orders_fulfil_key_error_component_code import StaffOrdersFulfilKEYErrorComponentCode
from .staff_orders_fulfil_non_field_errors_error_component import StaffOrdersFulfilNonFieldErrorsErrorComponent
from .staff_orders_fulfil_non_field_errors_error_component_attr import StaffOrdersFulfilNonFieldErrorsErrorComponentAttr
from .staff_orders_fulfil_non_field_errors_error_component_code import StaffOrdersFulfilNonFieldErrorsErrorComponentCode
from .staff_orders_fulfil_reason_error_component import StaffOrdersFulfilReasonErrorComponent
from .staff_orders_fulfil_reason_error_component_attr import StaffOrdersFulfilReasonErrorComponentAttr
from .staff_orders_fulfil_reason_error_component_code import StaffOrdersFulfilReasonErrorComponentCode
from .staff_orders_fulfil_validation_error import StaffOrdersFulfilValidationError
from .staff_orders_history_cursor_error_component import StaffOrdersHistoryCursorErrorComponent
from .staff_orders_history_cursor_error_component_attr import StaffOrdersHistoryCursorErrorComponentAttr
from .staff_orders_history_cursor_error_component_code import StaffOrdersHistoryCursorErrorComponentCode
from .staff_orders_history_page_size_error_component import StaffOrdersHistoryPageSizeErrorComponent
from .staff_orders_history_page_size_error_component_attr import StaffOrdersHistoryPageSizeErrorComponentAttr
from .staff_orders_history_page_size_error_component_code import StaffOrdersHistoryPageSizeErrorComponentCode
from .staff_orders_history_validation_error import StaffOrdersHistoryValidationError
from .staff_orders_list_created_after_error_component import StaffOrdersListCreatedAfterErrorComponent
from .staff_orders_list_created_after_error_component_attr import StaffOrdersListCreatedAfterErrorComponentAttr
from .staff_orders_list_created_after_error_component_code import StaffOrdersListCreatedAfterErrorComponentCode
from .staff_orders_list_created_before_error_component import StaffOrdersListCreatedBeforeErrorComponent
from .staff_orders_list_created_before_error_component_attr import StaffOrdersListCreatedBeforeErrorComponentAttr
from .staff_orders_list_created_before_error_component_code import StaffOrdersListCreatedBeforeErrorComponentCode
from .staff_orders_list_cursor_error_component import StaffOrdersListCursorErrorComponent
from .staff_orders_list_cursor_error_component_attr import StaffOrdersListCursorErrorComponentAttr
from .staff_orders_list_cursor_error_component_code import StaffOrdersListCursorErrorComponentCode
from .staff_orders_list_customer_error_component import StaffOrdersListCustomerErrorComponent
from .staff_orders_list_customer_error_component_attr import StaffOrdersListCustomerErrorComponentAttr
from .staff_orders_list_customer_error_component_code import StaffOrdersListCustomerErrorComponentCode
from .staff_orders_list_non_field_errors_error_component import StaffOrdersListNonFieldErrorsErrorComponent
from .staff_orders_list_non_field_errors_error_component_attr import StaffOrdersListNonFieldErrorsErrorComponentAttr
from .staff_orders_list_non_field_errors_error_component_code import StaffOrdersListNonFieldErrorsErrorComponentCode
from .staff_orders_list_page_size_error_component import StaffOrdersListPageSizeErrorComponent
from .staff_orders_list_page_size_error_component_attr import StaffOrdersListPageSizeErrorComponentAttr
from .staff_orders_list_page_size_error_component_code import StaffOrdersListPageSizeErrorComponentCode
from .staff_orders_list_sku_error_component import StaffOrdersListSkuErrorComponent
from .staff_orders_list_sku_error_component_attr import StaffOrdersListSkuErrorComponentAttr
from .staff_orders_list_sku_error_component_code import StaffOrdersListSkuErrorComponentCode
from .staff_orders_list_status import StaffOrdersListStatus
from .staff_orders_list_status_error_component import StaffOrdersListStatusErrorComponent
from .staff_orders_list_status_error_component_attr import StaffOrdersListStatusErrorComponentAttr
from .staff_orders_list_status_error_component_code import StaffOrdersListStatusErrorComponentCode
from .staff_orders_list_validation_error import StaffOrdersListValidationError
from .uri_too_long_error import UriTooLongError
from .uri_too_long_error_code_enum import UriTooLongErrorCodeEnum
from .validation_error_enum import ValidationErrorEnum
from .who_am_i import WhoAmI

__all__ = (
    "BlankEnum",
    "ClientErrorEnum",
    "ContentTooLargeError",
    "ContentTooLargeErrorCodeEnum",
    "Error401",
    "Error403",
    "Error404",
    "Error405",
    "Error406",
    "Error415",
    "Error500",
    "ErrorCode401Enum",
    "ErrorCode403Enum",
    "ErrorCode404Enum",
    "ErrorCode405Enum",
    "ErrorCode406Enum",
    "ErrorCode415Enum",
    "ErrorCode500Enum",
    "ErrorResponse401",
    "ErrorResponse403",
    "ErrorResponse404",
    "ErrorResponse405",
    "ErrorResponse406",
    "ErrorResponse413",
    "ErrorResponse414",
    "ErrorResponse415",
    "ErrorResponse431",
    "ErrorResponse500",
    "HeaderFieldsTooLargeError",
    "HeaderFieldsTooLargeErrorCodeEnum",
    "Order",
    "OrderCreateWithAddressIdRequest",
    "OrderCreateWithAddressRequest",
    "OrderLine",
    "OrderLineCreateRequest",
    "OrderRejectedLine",
    "OrderRejection",
    "OrdersConflictError",
    "OrdersConflictErrorCodeEnum",
    "OrdersConflictErrorResponse",
    "OrdersCreateIdempotencyKeyErrorComponent",
    "OrdersCreateIdempotencyKeyErrorComponentAttr",
    "OrdersCreateIdempotencyKeyErrorComponentCode",
    "OrdersCreateKEYErrorComponent",
    "OrdersCreateKEYErrorComponentCode",
    "OrdersCreateLinesErrorComponent",
    "OrdersCreateLinesErrorComponentAttr",
    "OrdersCreateLinesErrorComponentCode",
    "OrdersCreateLinesINDEXErrorComponent",
    "OrdersCreateLinesINDEXErrorComponentCode",
    "OrdersCreateLinesINDEXKEYErrorComponent",
    "OrdersCreateLinesINDEXKEYErrorComponentCode",
    "OrdersCreateLinesINDEXNonFieldErrorsErrorComponent",
    "OrdersCreateLinesINDEXNonFieldErrorsErrorComponentCode",
    "OrdersCreateLinesINDEXQuantityErrorComponent",
    "OrdersCreateLinesINDEXQuantityErrorComponentCode",
    "OrdersCreateLinesINDEXSkuErrorComponent",
    "OrdersCreateLinesINDEXSkuErrorComponentCode",
    "OrdersCreateNonFieldErrorsErrorComponent",
    "OrdersCreateNonFieldErrorsErrorComponentAttr",
    "OrdersCreateNonFieldErrorsErrorComponentCode",
    "OrdersCreateShippingAddressCityErrorComponent",
    "OrdersCreateShippingAddressCityErrorComponentAttr",
    "OrdersCreateShippingAddressCityErrorComponentCode",
    "OrdersCreateShippingAddressCountryErrorComponent",
    "OrdersCreateShippingAddressCountryErrorComponentAttr",
    "OrdersCreateShippingAddressCountryErrorComponentCode",
    "OrdersCreateShippingAddressErrorComponent",
    "OrdersCreateShippingAddressErrorComponentAttr",
    "OrdersCreateShippingAddressErrorComponentCode",
    "OrdersCreateShippingAddressIdErrorComponent",
    "OrdersCreateShippingAddressIdErrorComponentAttr",
    "OrdersCreateShippingAddressIdErrorComponentCode",
    "OrdersCreateShippingAddressKEYErrorComponent",
    "OrdersCreateShippingAddressKEYErrorComponentCode",
    "OrdersCreateShippingAddressLine1ErrorComponent",
    "OrdersCreateShippingAddressLine1ErrorComponentAttr",
    "OrdersCreateShippingAddressLine1ErrorComponentCode",
    "OrdersCreateShippingAddressLine2ErrorComponent",
    "OrdersCreateShippingAddressLine2ErrorComponentAttr",
    "OrdersCreateShippingAddressLine2ErrorComponentCode",
    "OrdersCreateShippingAddressNonFieldErrorsErrorComponent",
    "OrdersCreateShippingAddressNonFieldErrorsErrorComponentAttr",
    "OrdersCreateShippingAddressNonFieldErrorsErrorComponentCode",
    "OrdersCreateShippingAddressPhoneErrorComponent",
    "OrdersCreateShippingAddressPhoneErrorComponentAttr",
    "OrdersCreateShippingAddressPhoneErrorComponentCode",
    "OrdersCreateShippingAddressPostalCodeErrorComponent",
    "OrdersCreateShippingAddressPostalCodeErrorComponentAttr",
    "OrdersCreateShippingAddressPostalCodeErrorComponentCode",
    "OrdersCreateShippingAddressRecipientErrorComponent",
    "OrdersCreateShippingAddressRecipientErrorComponentAttr",
    "OrdersCreateShippingAddressRecipientErrorComponentCode",
    "OrdersCreateShippingAddressRegionErrorComponent",
    "OrdersCreateShippingAddressRegionErrorComponentAttr",
    "OrdersCreateShippingAddressRegionErrorComponentCode",
    "OrdersCreateValidationError",
    "OrderShippingAddress",
    "OrderShippingAddressInputRequest",
    "OrdersListCreatedAfterErrorComponent",
    "OrdersListCreatedAfterErrorComponentAttr",
    "OrdersListCreatedAfterErrorComponentCode",
    "OrdersListCreatedBeforeErrorComponent",
    "OrdersListCreatedBeforeErrorComponentAttr",
    "OrdersListCreatedBeforeErrorComponentCode",
    "OrdersListCursorErrorComponent",
    "OrdersListCursorErrorComponentAttr",
    "OrdersListCursorErrorComponentCode",
    "OrdersListNonFieldErrorsErrorComponent",
    "OrdersListNonFieldErrorsErrorComponentAttr",
    "OrdersListNonFieldErrorsErrorComponentCode",
    "OrdersListPageSizeErrorComponent",
    "OrdersListPageSizeErrorComponentAttr",
    "OrdersListPageSizeErrorComponentCode",
    "OrdersListStatus",
    "OrdersListStatusErrorComponent",
    "OrdersListStatusErrorComponentAttr",
    "OrdersListStatusErrorComponentCode",
    "OrdersListValidationError",
    "OrderStatusChange",
    "OrderStatusEnum",
    "OrdersUnavailableError",
    "OrdersUnavailableErrorCodeEnum",
    "OrdersUnavailableErrorResponse",
    "OrdersUnprocessableError",
    "OrdersUnprocessableErrorCodeEnum",
    "OrdersUnprocessableErrorResponse",
    "OrderTransitionRequest",
    "PaginatedOrderList",
    "PaginatedOrderStatusChangeList",
    "PaginatedStaffOrderList",
    "ParseError",
    "ParseErrorCodeEnum",
    "ParseErrorResponse",
    "RejectionReasonEnum",
    "ReportsOrdersExportDateFromErrorComponent",
    "ReportsOrdersExportDateFromErrorComponentAttr",
    "ReportsOrdersExportDateFromErrorComponentCode",
    "ReportsOrdersExportDateToErrorComponent",
    "ReportsOrdersExportDateToErrorComponentAttr",
    "ReportsOrdersExportDateToErrorComponentCode",
    "ReportsOrdersExportFormat",
    "ReportsOrdersExportNonFieldErrorsErrorComponent",
    "ReportsOrdersExportNonFieldErrorsErrorComponentAttr",
    "ReportsOrdersExportNonFieldErrorsErrorComponentCode",
    "ReportsOrdersExportStatus",
    "ReportsOrdersExportStatusErrorComponent",
    "ReportsOrdersExportStatusErrorComponentAttr",
    "ReportsOrdersExportStatusErrorComponentCode",
    "ReportsOrdersExportValidationError",
    "ReportsSalesDateFromErrorComponent",
    "ReportsSalesDateFromErrorComponentAttr",
    "ReportsSalesDateFromErrorComponentCode",
    "ReportsSalesDateToErrorComponent",
    "ReportsSalesDateToErrorComponentAttr",
    "ReportsSalesDateToErrorComponentCode",
    "ReportsSalesGroupBy",
    "ReportsSalesGroupByErrorComponent",
    "ReportsSalesGroupByErrorComponentAttr",
    "ReportsSalesGroupByErrorComponentCode",
    "ReportsSalesLimitErrorComponent",
    "ReportsSalesLimitErrorComponentAttr",
    "ReportsSalesLimitErrorComponentCode",
    "ReportsSalesNonFieldErrorsErrorComponent",
    "ReportsSalesNonFieldErrorsErrorComponentAttr",
    "ReportsSalesNonFieldErrorsErrorComponentCode",
    "ReportsSalesValidationError",
    "SalesReport",
    "SalesReportRow",
    "ServerErrorEnum",
    "StaffOrder",
    "StaffOrdersCancelKEYErrorComponent",
    "StaffOrdersCancelKEYErrorComponentCode",
    "StaffOrdersCancelNonFieldErrorsErrorComponent",
    "StaffOrdersCancelNonFieldErrorsErrorComponentAttr",
    "StaffOrdersCancelNonFieldErrorsErrorComponentCode",
    "StaffOrdersCancelReasonErrorComponent",
    "StaffOrdersCancelReasonErrorComponentAttr",
    "StaffOrdersCancelReasonErrorComponentCode",
    "StaffOrdersCancelValidationError",
    "StaffOrdersFulfilKEYErrorComponent",
    "StaffOrdersFulfilKEYErrorComponentCode",
    "StaffOrdersFulfilNonFieldErrorsErrorComponent",
    "StaffOrdersFulfilNonFieldErrorsErrorComponentAttr",
    "StaffOrdersFulfilNonFieldErrorsErrorComponentCode",
    "StaffOrdersFulfilReasonErrorComponent",
    "StaffOrdersFulfilReasonErrorComponentAttr",
    "StaffOrdersFulfilReasonErrorComponentCode",
    "StaffOrdersFulfilValidationError",
    "StaffOrdersHistoryCursorErrorComponent",
    "StaffOrdersHistoryCursorErrorComponentAttr",
    "StaffOrdersHistoryCursorErrorComponentCode",
    "StaffOrdersHistoryPageSizeErrorComponent",
    "StaffOrdersHistoryPageSizeErrorComponentAttr",
    "StaffOrdersHistoryPageSizeErrorComponentCode",
    "StaffOrdersHistoryValidationError",
    "StaffOrdersListCreatedAfterErrorComponent",
    "StaffOrdersListCreatedAfterErrorComponentAttr",
    "StaffOrdersListCreatedAfterErrorComponentCode",
    "StaffOrdersListCreatedBeforeErrorComponent",
    "StaffOrdersListCreatedBeforeErrorComponentAttr",
    "StaffOrdersListCreatedBeforeErrorComponentCode",
    "StaffOrdersListCursorErrorComponent",
    "StaffOrdersListCursorErrorComponentAttr",
    "StaffOrdersListCursorErrorComponentCode",
    "StaffOrdersListCustomerErrorComponent",
    "StaffOrdersListCustomerErrorComponentAttr",
    "StaffOrdersListCustomerErrorComponentCode",
    "StaffOrdersListNonFieldErrorsErrorComponent",
    "StaffOrdersListNonFieldErrorsErrorComponentAttr",
    "StaffOrdersListNonFieldErrorsErrorComponentCode",
    "StaffOrdersListPageSizeErrorComponent",
    "StaffOrdersListPageSizeErrorComponentAttr",
    "StaffOrdersListPageSizeErrorComponentCode",
    "StaffOrdersListSkuErrorComponent",
    "StaffOrdersListSkuErrorComponentAttr",
    "StaffOrdersListSkuErrorComponentCode",
    "StaffOrdersListStatus",
    "StaffOrdersListStatusErrorComponent",
    "StaffOrdersListStatusErrorComponentAttr",
    "StaffOrdersListStatusErrorComponentCode",
    "StaffOrdersListValidationError",
    "UriTooLongError",
    "UriTooLongErrorCodeEnum",
    "ValidationErrorEnum",
    "WhoAmI",
)
