from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.staff_orders_list_created_after_error_component import StaffOrdersListCreatedAfterErrorComponent
    from ..models.staff_orders_list_created_before_error_component import StaffOrdersListCreatedBeforeErrorComponent
    from ..models.staff_orders_list_cursor_error_component import StaffOrdersListCursorErrorComponent
    from ..models.staff_orders_list_customer_error_component import StaffOrdersListCustomerErrorComponent
    from ..models.staff_orders_list_non_field_errors_error_component import StaffOrdersListNonFieldErrorsErrorComponent
    from ..models.staff_orders_list_page_size_error_component import StaffOrdersListPageSizeErrorComponent
    from ..models.staff_orders_list_sku_error_component import StaffOrdersListSkuErrorComponent
    from ..models.staff_orders_list_status_error_component import StaffOrdersListStatusErrorComponent


T = TypeVar("T", bound="StaffOrdersListValidationError")


@_attrs_define
class StaffOrdersListValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[StaffOrdersListCreatedAfterErrorComponent | StaffOrdersListCreatedBeforeErrorComponent |
            StaffOrdersListCursorErrorComponent | StaffOrdersListCustomerErrorComponent |
            StaffOrdersListNonFieldErrorsErrorComponent | StaffOrdersListPageSizeErrorComponent |
            StaffOrdersListSkuErrorComponent | StaffOrdersListStatusErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        StaffOrdersListCreatedAfterErrorComponent
        | StaffOrdersListCreatedBeforeErrorComponent
        | StaffOrdersListCursorErrorComponent
        | StaffOrdersListCustomerErrorComponent
        | StaffOrdersListNonFieldErrorsErrorComponent
        | StaffOrdersListPageSizeErrorComponent
        | StaffOrdersListSkuErrorComponent
        | StaffOrdersListStatusErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.staff_orders_list_created_after_error_component import StaffOrdersListCreatedAfterErrorComponent  # noqa: PLC0415
        from ..models.staff_orders_list_created_before_error_component import StaffOrdersListCreatedBeforeErrorComponent  # noqa: PLC0415
        from ..models.staff_orders_list_customer_error_component import StaffOrdersListCustomerErrorComponent  # noqa: PLC0415
        from ..models.staff_orders_list_non_field_errors_error_component import (
            StaffOrdersListNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.staff_orders_list_page_size_error_component import StaffOrdersListPageSizeErrorComponent  # noqa: PLC0415
        from ..models.staff_orders_list_sku_error_component import StaffOrdersListSkuErrorComponent  # noqa: PLC0415
        from ..models.staff_orders_list_status_error_component import StaffOrdersListStatusErrorComponent  # noqa: PLC0415

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, StaffOrdersListNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, StaffOrdersListStatusErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, StaffOrdersListCreatedAfterErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, StaffOrdersListCreatedBeforeErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, StaffOrdersListCustomerErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, StaffOrdersListSkuErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, StaffOrdersListPageSizeErrorComponent):
                errors_item = errors_item_data.to_dict()
            else:
                errors_item = errors_item_data.to_dict()

            errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.staff_orders_list_created_after_error_component import StaffOrdersListCreatedAfterErrorComponent  # noqa: PLC0415
        from ..models.staff_orders_list_created_before_error_component import StaffOrdersListCreatedBeforeErrorComponent  # noqa: PLC0415
        from ..models.staff_orders_list_cursor_error_component import StaffOrdersListCursorErrorComponent  # noqa: PLC0415
        from ..models.staff_orders_list_customer_error_component import StaffOrdersListCustomerErrorComponent  # noqa: PLC0415
        from ..models.staff_orders_list_non_field_errors_error_component import (
            StaffOrdersListNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.staff_orders_list_page_size_error_component import StaffOrdersListPageSizeErrorComponent  # noqa: PLC0415
        from ..models.staff_orders_list_sku_error_component import StaffOrdersListSkuErrorComponent  # noqa: PLC0415
        from ..models.staff_orders_list_status_error_component import StaffOrdersListStatusErrorComponent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                StaffOrdersListCreatedAfterErrorComponent
                | StaffOrdersListCreatedBeforeErrorComponent
                | StaffOrdersListCursorErrorComponent
                | StaffOrdersListCustomerErrorComponent
                | StaffOrdersListNonFieldErrorsErrorComponent
                | StaffOrdersListPageSizeErrorComponent
                | StaffOrdersListSkuErrorComponent
                | StaffOrdersListStatusErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_staff_orders_list_error_type_0 = (
                        StaffOrdersListNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_staff_orders_list_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_staff_orders_list_error_type_1 = StaffOrdersListStatusErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_staff_orders_list_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_staff_orders_list_error_type_2 = (
                        StaffOrdersListCreatedAfterErrorComponent.from_dict(data)
                    )

                    return componentsschemas_staff_orders_list_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_staff_orders_list_error_type_3 = (
                        StaffOrdersListCreatedBeforeErrorComponent.from_dict(data)
                    )

                    return componentsschemas_staff_orders_list_error_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_staff_orders_list_error_type_4 = StaffOrdersListCustomerErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_staff_orders_list_error_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_staff_orders_list_error_type_5 = StaffOrdersListSkuErrorComponent.from_dict(data)

                    return componentsschemas_staff_orders_list_error_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_staff_orders_list_error_type_6 = StaffOrdersListPageSizeErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_staff_orders_list_error_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_staff_orders_list_error_type_7 = StaffOrdersListCursorErrorComponent.from_dict(data)

                return componentsschemas_staff_orders_list_error_type_7

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        staff_orders_list_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        staff_orders_list_validation_error.additional_properties = d
        return staff_orders_list_validation_error

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
