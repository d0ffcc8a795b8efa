from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.group_by_enum import GroupByEnum

if TYPE_CHECKING:
    from ..models.sales_report_row import SalesReportRow


T = TypeVar("T", bound="SalesReport")


@_attrs_define
class SalesReport:
    """
    Attributes:
        date_from (datetime.date):
        date_to (datetime.date):
        group_by (GroupByEnum): * `day` - day
            * `month` - month
            * `sku` - sku
        results (list[SalesReportRow]):
    """

    date_from: datetime.date
    date_to: datetime.date
    group_by: GroupByEnum
    results: list[SalesReportRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date_from = self.date_from.isoformat()

        date_to = self.date_to.isoformat()

        group_by = self.group_by.value

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date_from": date_from,
                "date_to": date_to,
                "group_by": group_by,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sales_report_row import SalesReportRow  # noqa: PLC0415

        d = dict(src_dict)
        date_from = datetime.date.fromisoformat(d.pop("date_from"))

        date_to = datetime.date.fromisoformat(d.pop("date_to"))

        group_by = GroupByEnum(d.pop("group_by"))

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = SalesReportRow.from_dict(results_item_data)

            results.append(results_item)

        sales_report = cls(
            date_from=date_from,
            date_to=date_to,
            group_by=group_by,
            results=results,
        )

        sales_report.additional_properties = d
        return sales_report

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
