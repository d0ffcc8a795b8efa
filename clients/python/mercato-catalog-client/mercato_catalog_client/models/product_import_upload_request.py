from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .. import types
from ..models.file_format_enum import FileFormatEnum
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="ProductImportUploadRequest")


@_attrs_define
class ProductImportUploadRequest:
    """
    Attributes:
        file (File): The CSV or NDJSON file (docs/catalog-bulk.md). Any size up to the configured limit.
        file_format (FileFormatEnum | Unset): * `csv` - CSV
            * `ndjson` - NDJSON
    """

    file: File
    file_format: FileFormatEnum | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        file_format: str | Unset = UNSET
        if not isinstance(self.file_format, Unset):
            file_format = self.file_format.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file": file,
            }
        )
        if file_format is not UNSET:
            field_dict["file_format"] = file_format

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        if not isinstance(self.file_format, Unset):
            files.append(("file_format", (None, str(self.file_format.value).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        _file_format = d.pop("file_format", UNSET)
        file_format: FileFormatEnum | Unset
        if isinstance(_file_format, Unset):
            file_format = UNSET
        else:
            file_format = FileFormatEnum(_file_format)

        product_import_upload_request = cls(
            file=file,
            file_format=file_format,
        )

        return product_import_upload_request
