from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.reports_sales_date_from_error_component import ReportsSalesDateFromErrorComponent
    from ..models.reports_sales_date_to_error_component import ReportsSalesDateToErrorComponent
    from ..models.reports_sales_group_by_error_component import ReportsSalesGroupByErrorComponent
    from ..models.reports_sales_limit_error_component import ReportsSalesLimitErrorComponent
    from ..models.reports_sales_non_field_errors_error_component import ReportsSalesNonFieldErrorsErrorComponent


T = TypeVar("T", bound="ReportsSalesValidationError")


@_attrs_define
class ReportsSalesValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[ReportsSalesDateFromErrorComponent | ReportsSalesDateToErrorComponent |
            ReportsSalesGroupByErrorComponent | ReportsSalesLimitErrorComponent |
            ReportsSalesNonFieldErrorsErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        ReportsSalesDateFromErrorComponent
        | ReportsSalesDateToErrorComponent
        | ReportsSalesGroupByErrorComponent
        | ReportsSalesLimitErrorComponent
        | ReportsSalesNonFieldErrorsErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reports_sales_date_from_error_component import ReportsSalesDateFromErrorComponent  # noqa: PLC0415
        from ..models.reports_sales_date_to_error_component import ReportsSalesDateToErrorComponent  # noqa: PLC0415
        from ..models.reports_sales_group_by_error_component import ReportsSalesGroupByErrorComponent  # noqa: PLC0415
        from ..models.reports_sales_non_field_errors_error_component import ReportsSalesNonFieldErrorsErrorComponent  # noqa: PLC0415

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, ReportsSalesNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ReportsSalesDateFromErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ReportsSalesDateToErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, ReportsSalesGroupByErrorComponent):
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
        from ..models.reports_sales_date_from_error_component import ReportsSalesDateFromErrorComponent  # noqa: PLC0415
        from ..models.reports_sales_date_to_error_component import ReportsSalesDateToErrorComponent  # noqa: PLC0415
        from ..models.reports_sales_group_by_error_component import ReportsSalesGroupByErrorComponent  # noqa: PLC0415
        from ..models.reports_sales_limit_error_component import ReportsSalesLimitErrorComponent  # noqa: PLC0415
        from ..models.reports_sales_non_field_errors_error_component import ReportsSalesNonFieldErrorsErrorComponent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                ReportsSalesDateFromErrorComponent
                | ReportsSalesDateToErrorComponent
                | ReportsSalesGroupByErrorComponent
                | ReportsSalesLimitErrorComponent
                | ReportsSalesNonFieldErrorsErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reports_sales_error_type_0 = ReportsSalesNonFieldErrorsErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_reports_sales_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reports_sales_error_type_1 = ReportsSalesDateFromErrorComponent.from_dict(data)

                    return componentsschemas_reports_sales_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reports_sales_error_type_2 = ReportsSalesDateToErrorComponent.from_dict(data)

                    return componentsschemas_reports_sales_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reports_sales_error_type_3 = ReportsSalesGroupByErrorComponent.from_dict(data)

                    return componentsschemas_reports_sales_error_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_reports_sales_error_type_4 = ReportsSalesLimitErrorComponent.from_dict(data)

                return componentsschemas_reports_sales_error_type_4

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        reports_sales_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        reports_sales_validation_error.additional_properties = d
        return reports_sales_validation_error

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
