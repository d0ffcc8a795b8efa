"""common.schema's postprocessing of the OpenAPI schema, on a hand-made result."""

from __future__ import annotations

import re
from typing import Any

from common.schema import indexed_error_attributes


def attr(values: list[str]) -> dict[str, Any]:
    return {"properties": {"attr": {"type": "string", "enum": values}, "code": {"enum": ["invalid"]}}}


def test_an_error_attr_inside_a_list_item_or_dict_becomes_a_pattern_of_what_is_sent() -> None:
    schemas = {
        "LinesINDEXQuantity": attr(["lines.INDEX.quantity"]),
        "SkusINDEX": attr(["skus.INDEX"]),
        "AttributesKEY": attr(["attributes.KEY"]),
        "Lines": attr(["lines"]),
        "NonField": attr(["non_field_errors"]),
    }
    indexed_error_attributes({"components": {"schemas": schemas}})

    quantity = schemas["LinesINDEXQuantity"]["properties"]["attr"]
    assert "enum" not in quantity
    assert re.fullmatch(quantity["pattern"], "lines.12.quantity")
    assert not re.fullmatch(quantity["pattern"], "lines.INDEX.quantity")
    assert not re.fullmatch(quantity["pattern"], "linesX0Xquantity")
    assert re.fullmatch(schemas["SkusINDEX"]["properties"]["attr"]["pattern"], "skus.0")
    assert re.fullmatch(schemas["AttributesKEY"]["properties"]["attr"]["pattern"], "attributes.color")
    # Plain fields keep their one-value enum.
    assert schemas["Lines"]["properties"]["attr"] == {"type": "string", "enum": ["lines"]}
    assert schemas["NonField"]["properties"]["attr"] == {"type": "string", "enum": ["non_field_errors"]}
    # Codes are never touched.
    assert schemas["LinesINDEXQuantity"]["properties"]["code"] == {"enum": ["invalid"]}
