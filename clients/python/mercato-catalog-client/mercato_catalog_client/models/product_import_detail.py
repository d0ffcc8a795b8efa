from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.file_format_enum import FileFormatEnum
from ..models.product_import_status_enum import ProductImportStatusEnum

if TYPE_CHECKING:
    from ..models.product_import_links import ProductImportLinks
    from ..models.product_import_row_error import ProductImportRowError


T = TypeVar("T", bound="ProductImportDetail")


@_attrs_define
class ProductImportDetail:
    """
    Attributes:
        id (UUID):
        status (ProductImportStatusEnum): * `queued` - Queued
            * `running` - Running
            * `succeeded` - Succeeded
            * `failed` - Failed
        file_format (FileFormatEnum): * `csv` - CSV
            * `ndjson` - NDJSON
        file_name (str):
        file_size (int): Bytes.
        total_rows (int | None): Rows in the file: estimated from its line count until the import finishes.
        rows_processed (int):
        created (int):
        updated (int):
        unchanged (int):
        rejected (int):
        error (str): Why a failed import failed; empty otherwise.
        created_at (datetime.datetime):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
        links (ProductImportLinks):
        rejected_rows (list[ProductImportRowError]): The problems of the first rejected rows, by line (at most 100).
    """

    id: UUID
    status: ProductImportStatusEnum
    file_format: FileFormatEnum
    file_name: str
    file_size: int
    total_rows: int | None
    rows_processed: int
    created: int
    updated: int
    unchanged: int
    rejected: int
    error: str
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    links: ProductImportLinks
    rejected_rows: list[ProductImportRowError]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        file_format = self.file_format.value

        file_name = self.file_name

        file_size = self.file_size

        total_rows: int | None
        total_rows = self.total_rows

        rows_processed = self.rows_processed

        created = self.created

        updated = self.updated

        unchanged = self.unchanged

        rejected = self.rejected

        error = self.error

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        links = self.links.to_dict()

        rejected_rows = []
        for rejected_rows_item_data in self.rejected_rows:
            rejected_rows_item = rejected_rows_item_data.to_dict()
            rejected_rows.append(rejected_rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "file_format": file_format,
                "file_name": file_name,
                "file_size": file_size,
                "total_rows": total_rows,
                "rows_processed": rows_processed,
                "created": created,
                "updated": updated,
                "unchanged": unchanged,
                "rejected": rejected,
                "error": error,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
                "links": links,
                "rejected_rows": rejected_rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.product_import_links import ProductImportLinks  # noqa: PLC0415
        from ..models.product_import_row_error import ProductImportRowError  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = ProductImportStatusEnum(d.pop("status"))

        file_format = FileFormatEnum(d.pop("file_format"))

        file_name = d.pop("file_name")

        file_size = d.pop("file_size")

        def _parse_total_rows(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total_rows = _parse_total_rows(d.pop("total_rows"))

        rows_processed = d.pop("rows_processed")

        created = d.pop("created")

        updated = d.pop("updated")

        unchanged = d.pop("unchanged")

        rejected = d.pop("rejected")

        error = d.pop("error")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        links = ProductImportLinks.from_dict(d.pop("links"))

        rejected_rows = []
        _rejected_rows = d.pop("rejected_rows")
        for rejected_rows_item_data in _rejected_rows:
            rejected_rows_item = ProductImportRowError.from_dict(rejected_rows_item_data)

            rejected_rows.append(rejected_rows_item)

        product_import_detail = cls(
            id=id,
            status=status,
            file_format=file_format,
            file_name=file_name,
            file_size=file_size,
            total_rows=total_rows,
            rows_processed=rows_processed,
            created=created,
            updated=updated,
            unchanged=unchanged,
            rejected=rejected,
            error=error,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            links=links,
            rejected_rows=rejected_rows,
        )

        product_import_detail.additional_properties = d
        return product_import_detail

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
