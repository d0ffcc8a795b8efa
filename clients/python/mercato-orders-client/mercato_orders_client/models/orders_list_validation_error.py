from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.orders_list_created_after_error_component import OrdersListCreatedAfterErrorComponent
    from ..models.orders_list_created_before_error_component import OrdersListCreatedBeforeErrorComponent
    from ..models.orders_list_cursor_error_component import OrdersListCursorErrorComponent
    from ..models.orders_list_non_field_errors_error_component import OrdersListNonFieldErrorsErrorComponent
    from ..models.orders_list_page_size_error_component import OrdersListPageSizeErrorComponent
    from ..models.orders_list_status_error_component import OrdersListStatusErrorComponent


T = TypeVar("T", bound="OrdersListValidationError")


@_attrs_define
class OrdersListValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[OrdersListCreatedAfterErrorComponent | OrdersListCreatedBeforeErrorComponent |
            OrdersListCursorErrorComponent | OrdersListNonFieldErrorsErrorComponent | OrdersListPageSizeErrorComponent |
            OrdersListStatusErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        OrdersListCreatedAfterErrorComponent
        | OrdersListCreatedBeforeErrorComponent
        | OrdersListCursorErrorComponent
        | OrdersListNonFieldErrorsErrorComponent
        | OrdersListPageSizeErrorComponent
        | OrdersListStatusErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.orders_list_created_after_error_component import OrdersListCreatedAfterErrorComponent  # noqa: PLC0415
        from ..models.orders_list_created_before_error_component import OrdersListCreatedBeforeErrorComponent  # noqa: PLC0415
        from ..models.orders_list_non_field_errors_error_component import OrdersListNonFieldErrorsErrorComponent  # noqa: PLC0415
        from ..models.orders_list_page_size_error_component import OrdersListPageSizeErrorComponent  # noqa: PLC0415
        from ..models.orders_list_status_error_component import OrdersListStatusErrorComponent  # noqa: PLC0415

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, OrdersListNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersListStatusErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersListCreatedAfterErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersListCreatedBeforeErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, OrdersListPageSizeErrorComponent):
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
        from ..models.orders_list_created_after_error_component import OrdersListCreatedAfterErrorComponent  # noqa: PLC0415
        from ..models.orders_list_created_before_error_component import OrdersListCreatedBeforeErrorComponent  # noqa: PLC0415
        from ..models.orders_list_cursor_error_component import OrdersListCursorErrorComponent  # noqa: PLC0415
        from ..models.orders_list_non_field_errors_error_component import OrdersListNonFieldErrorsErrorComponent  # noqa: PLC0415
        from ..models.orders_list_page_size_error_component import OrdersListPageSizeErrorComponent  # noqa: PLC0415
        from ..models.orders_list_status_error_component import OrdersListStatusErrorComponent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                OrdersListCreatedAfterErrorComponent
                | OrdersListCreatedBeforeErrorComponent
                | OrdersListCursorErrorComponent
                | OrdersListNonFieldErrorsErrorComponent
                | OrdersListPageSizeErrorComponent
                | OrdersListStatusErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_list_error_type_0 = OrdersListNonFieldErrorsErrorComponent.from_dict(data)

                    return componentsschemas_orders_list_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_list_error_type_1 = OrdersListStatusErrorComponent.from_dict(data)

                    return componentsschemas_orders_list_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_list_error_type_2 = OrdersListCreatedAfterErrorComponent.from_dict(data)

                    return componentsschemas_orders_list_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_list_error_type_3 = OrdersListCreatedBeforeErrorComponent.from_dict(data)

                    return componentsschemas_orders_list_error_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_orders_list_error_type_4 = OrdersListPageSizeErrorComponent.from_dict(data)

                    return componentsschemas_orders_list_error_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_orders_list_error_type_5 = OrdersListCursorErrorComponent.from_dict(data)

                return componentsschemas_orders_list_error_type_5

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        orders_list_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        orders_list_validation_error.additional_properties = d
        return orders_list_validation_error

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
