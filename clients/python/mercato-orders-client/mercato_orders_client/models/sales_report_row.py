from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SalesReportRow")


@_attrs_define
class SalesReportRow:
    """
    Attributes:
        period (datetime.date | None): The day, or the month's first day; null per SKU.
        sku (None | str): Per SKU only.
        currency (str):
        orders (int):
        units (int):
        revenue (str):
    """

    period: datetime.date | None
    sku: None | str
    currency: str
    orders: int
    units: int
    revenue: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period: None | str
        if isinstance(self.period, datetime.date):
            period = self.period.isoformat()
        else:
            period = self.period

        sku: None | str
        sku = self.sku

        currency = self.currency

        orders = self.orders

        units = self.units

        revenue = self.revenue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "sku": sku,
                "currency": currency,
                "orders": orders,
                "units": units,
                "revenue": revenue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_period(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_type_0 = datetime.date.fromisoformat(data)

                return period_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period = _parse_period(d.pop("period"))

        def _parse_sku(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sku = _parse_sku(d.pop("sku"))

        currency = d.pop("currency")

        orders = d.pop("orders")

        units = d.pop("units")

        revenue = d.pop("revenue")

        sales_report_row = cls(
            period=period,
            sku=sku,
            currency=currency,
            orders=orders,
            units=units,
            revenue=revenue,
        )

        sales_report_row.additional_properties = d
        return sales_report_row

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
