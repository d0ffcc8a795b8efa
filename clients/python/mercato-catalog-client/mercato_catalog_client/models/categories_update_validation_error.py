from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_enum import ValidationErrorEnum

if TYPE_CHECKING:
    from ..models.categories_update_key_error_component import CategoriesUpdateKEYErrorComponent
    from ..models.categories_update_name_error_component import CategoriesUpdateNameErrorComponent
    from ..models.categories_update_non_field_errors_error_component import CategoriesUpdateNonFieldErrorsErrorComponent
    from ..models.categories_update_parent_error_component import CategoriesUpdateParentErrorComponent
    from ..models.categories_update_slug_error_component import CategoriesUpdateSlugErrorComponent


T = TypeVar("T", bound="CategoriesUpdateValidationError")


@_attrs_define
class CategoriesUpdateValidationError:
    """
    Attributes:
        type_ (ValidationErrorEnum): * `validation_error` - Validation Error
        errors (list[CategoriesUpdateKEYErrorComponent | CategoriesUpdateNameErrorComponent |
            CategoriesUpdateNonFieldErrorsErrorComponent | CategoriesUpdateParentErrorComponent |
            CategoriesUpdateSlugErrorComponent]):
    """

    type_: ValidationErrorEnum
    errors: list[
        CategoriesUpdateKEYErrorComponent
        | CategoriesUpdateNameErrorComponent
        | CategoriesUpdateNonFieldErrorsErrorComponent
        | CategoriesUpdateParentErrorComponent
        | CategoriesUpdateSlugErrorComponent
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.categories_update_name_error_component import CategoriesUpdateNameErrorComponent  # noqa: PLC0415
        from ..models.categories_update_non_field_errors_error_component import (
            CategoriesUpdateNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.categories_update_parent_error_component import CategoriesUpdateParentErrorComponent  # noqa: PLC0415
        from ..models.categories_update_slug_error_component import CategoriesUpdateSlugErrorComponent  # noqa: PLC0415

        type_ = self.type_.value

        errors = []
        for errors_item_data in self.errors:
            errors_item: dict[str, Any]
            if isinstance(errors_item_data, CategoriesUpdateNonFieldErrorsErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, CategoriesUpdateNameErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, CategoriesUpdateSlugErrorComponent):
                errors_item = errors_item_data.to_dict()
            elif isinstance(errors_item_data, CategoriesUpdateParentErrorComponent):
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
        from ..models.categories_update_key_error_component import CategoriesUpdateKEYErrorComponent  # noqa: PLC0415
        from ..models.categories_update_name_error_component import CategoriesUpdateNameErrorComponent  # noqa: PLC0415
        from ..models.categories_update_non_field_errors_error_component import (
            CategoriesUpdateNonFieldErrorsErrorComponent,  # noqa: PLC0415
        )
        from ..models.categories_update_parent_error_component import CategoriesUpdateParentErrorComponent  # noqa: PLC0415
        from ..models.categories_update_slug_error_component import CategoriesUpdateSlugErrorComponent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ValidationErrorEnum(d.pop("type"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:

            def _parse_errors_item(
                data: object,
            ) -> (
                CategoriesUpdateKEYErrorComponent
                | CategoriesUpdateNameErrorComponent
                | CategoriesUpdateNonFieldErrorsErrorComponent
                | CategoriesUpdateParentErrorComponent
                | CategoriesUpdateSlugErrorComponent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_categories_update_error_type_0 = (
                        CategoriesUpdateNonFieldErrorsErrorComponent.from_dict(data)
                    )

                    return componentsschemas_categories_update_error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_categories_update_error_type_1 = CategoriesUpdateNameErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_categories_update_error_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_categories_update_error_type_2 = CategoriesUpdateSlugErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_categories_update_error_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_categories_update_error_type_3 = CategoriesUpdateParentErrorComponent.from_dict(
                        data
                    )

                    return componentsschemas_categories_update_error_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_categories_update_error_type_4 = CategoriesUpdateKEYErrorComponent.from_dict(data)

                return componentsschemas_categories_update_error_type_4

            errors_item = _parse_errors_item(errors_item_data)

            errors.append(errors_item)

        categories_update_validation_error = cls(
            type_=type_,
            errors=errors,
        )

        categories_update_validation_error.additional_properties = d
        return categories_update_validation_error

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
