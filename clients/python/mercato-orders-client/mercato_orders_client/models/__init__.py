"""Contains all the data models used in inputs/outputs"""

from .blank_enum import BlankEnum
from .error import Error
from .error_code_enum import ErrorCodeEnum
from .error_response import ErrorResponse
from .error_response_type_enum import ErrorResponseTypeEnum
from .group_by_enum import GroupByEnum
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
from .orders_list_status import OrdersListStatus
from .paginated_order_list import PaginatedOrderList
from .paginated_order_status_change_list import PaginatedOrderStatusChangeList
from .paginated_staff_order_list import PaginatedStaffOrderList
from .rejection_reason_enum import RejectionReasonEnum
from .reports_orders_export_format import ReportsOrdersExportFormat
from .reports_orders_export_status import ReportsOrdersExportStatus
from .reports_sales_group_by import ReportsSalesGroupBy
from .sales_report import SalesReport
from .sales_report_row import SalesReportRow
from .staff_order import StaffOrder
from .staff_orders_list_status import StaffOrdersListStatus
from .validation_error import ValidationError
from .validation_error_code_enum import ValidationErrorCodeEnum
from .validation_error_response import ValidationErrorResponse
from .validation_error_response_type_enum import ValidationErrorResponseTypeEnum
from .who_am_i import WhoAmI

__all__ = (
    "BlankEnum",
    "Error",
    "ErrorCodeEnum",
    "ErrorResponse",
    "ErrorResponseTypeEnum",
    "GroupByEnum",
    "Order",
    "OrderCreateWithAddressIdRequest",
    "OrderCreateWithAddressRequest",
    "OrderLine",
    "OrderLineCreateRequest",
    "OrderRejectedLine",
    "OrderRejection",
    "OrderShippingAddress",
    "OrderShippingAddressInputRequest",
    "OrdersListStatus",
    "OrderStatusChange",
    "OrderStatusEnum",
    "OrderTransitionRequest",
    "PaginatedOrderList",
    "PaginatedOrderStatusChangeList",
    "PaginatedStaffOrderList",
    "RejectionReasonEnum",
    "ReportsOrdersExportFormat",
    "ReportsOrdersExportStatus",
    "ReportsSalesGroupBy",
    "SalesReport",
    "SalesReportRow",
    "StaffOrder",
    "StaffOrdersListStatus",
    "ValidationError",
    "ValidationErrorCodeEnum",
    "ValidationErrorResponse",
    "ValidationErrorResponseTypeEnum",
    "WhoAmI",
)
