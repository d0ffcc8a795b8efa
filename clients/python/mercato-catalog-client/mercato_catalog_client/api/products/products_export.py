import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response_401 import ErrorResponse401
from ...models.error_response_403 import ErrorResponse403
from ...models.error_response_404 import ErrorResponse404
from ...models.error_response_405 import ErrorResponse405
from ...models.error_response_406 import ErrorResponse406
from ...models.error_response_413 import ErrorResponse413
from ...models.error_response_414 import ErrorResponse414
from ...models.error_response_415 import ErrorResponse415
from ...models.error_response_431 import ErrorResponse431
from ...models.error_response_500 import ErrorResponse500
from ...models.parse_error_response import ParseErrorResponse
from ...models.products_export_file_format import ProductsExportFileFormat
from ...models.products_export_ordering import ProductsExportOrdering
from ...models.products_export_validation_error import ProductsExportValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    attributes: str | Unset = UNSET,
    category: int | Unset = UNSET,
    currency: str | Unset = UNSET,
    file_format: ProductsExportFileFormat | Unset = ProductsExportFileFormat.CSV,
    in_stock: bool | None | Unset = UNSET,
    is_active: bool | None | Unset = UNSET,
    ordering: ProductsExportOrdering | Unset = UNSET,
    price_max: str | Unset = UNSET,
    price_min: str | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["attributes"] = attributes

    params["category"] = category

    params["currency"] = currency

    json_file_format: str | Unset = UNSET
    if not isinstance(file_format, Unset):
        json_file_format = file_format.value

    params["file_format"] = json_file_format

    json_in_stock: bool | None | Unset
    if isinstance(in_stock, Unset):
        json_in_stock = UNSET
    else:
        json_in_stock = in_stock
    params["in_stock"] = json_in_stock

    json_is_active: bool | None | Unset
    if isinstance(is_active, Unset):
        json_is_active = UNSET
    else:
        json_is_active = is_active
    params["is_active"] = json_is_active

    json_ordering: str | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = ordering.value

    params["ordering"] = json_ordering

    params["price_max"] = price_max

    params["price_min"] = price_min

    params["q"] = q

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/products/export/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ErrorResponse401
    | ErrorResponse403
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | ParseErrorResponse
    | ProductsExportValidationError
    | str
    | None
):
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 400:

        def _parse_response_400(data: object) -> ParseErrorResponse | ProductsExportValidationError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_products_export_error_response_400_type_0 = ProductsExportValidationError.from_dict(
                    data
                )

                return componentsschemas_products_export_error_response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_products_export_error_response_400_type_1 = ParseErrorResponse.from_dict(data)

            return componentsschemas_products_export_error_response_400_type_1

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse401.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse403.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse404.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = ErrorResponse405.from_dict(response.json())

        return response_405

    if response.status_code == 406:
        response_406 = ErrorResponse406.from_dict(response.json())

        return response_406

    if response.status_code == 413:
        response_413 = ErrorResponse413.from_dict(response.json())

        return response_413

    if response.status_code == 414:
        response_414 = ErrorResponse414.from_dict(response.json())

        return response_414

    if response.status_code == 415:
        response_415 = ErrorResponse415.from_dict(response.json())

        return response_415

    if response.status_code == 431:
        response_431 = ErrorResponse431.from_dict(response.json())

        return response_431

    if response.status_code == 500:
        response_500 = ErrorResponse500.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    ErrorResponse401
    | ErrorResponse403
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | ParseErrorResponse
    | ProductsExportValidationError
    | str
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    attributes: str | Unset = UNSET,
    category: int | Unset = UNSET,
    currency: str | Unset = UNSET,
    file_format: ProductsExportFileFormat | Unset = ProductsExportFileFormat.CSV,
    in_stock: bool | None | Unset = UNSET,
    is_active: bool | None | Unset = UNSET,
    ordering: ProductsExportOrdering | Unset = UNSET,
    price_max: str | Unset = UNSET,
    price_min: str | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[
    ErrorResponse401
    | ErrorResponse403
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | ParseErrorResponse
    | ProductsExportValidationError
    | str
]:
    """Export products as CSV or NDJSON (staff)

     Streams every product matching the filters (those of the product list, inactive products included
    unless `is_active=true`), in the import's columns: an export can be imported as it is. Ordered like
    the list (`ordering`), by id when none is given. Constant memory on the server, whatever the size.

    Args:
        attributes (str | Unset):
        category (int | Unset):
        currency (str | Unset):
        file_format (ProductsExportFileFormat | Unset):  Default: ProductsExportFileFormat.CSV.
        in_stock (bool | None | Unset):
        is_active (bool | None | Unset):
        ordering (ProductsExportOrdering | Unset):
        price_max (str | Unset):
        price_min (str | Unset):
        q (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | ParseErrorResponse | ProductsExportValidationError | str]
    """

    kwargs = _get_kwargs(
        attributes=attributes,
        category=category,
        currency=currency,
        file_format=file_format,
        in_stock=in_stock,
        is_active=is_active,
        ordering=ordering,
        price_max=price_max,
        price_min=price_min,
        q=q,
        updated_since=updated_since,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    attributes: str | Unset = UNSET,
    category: int | Unset = UNSET,
    currency: str | Unset = UNSET,
    file_format: ProductsExportFileFormat | Unset = ProductsExportFileFormat.CSV,
    in_stock: bool | None | Unset = UNSET,
    is_active: bool | None | Unset = UNSET,
    ordering: ProductsExportOrdering | Unset = UNSET,
    price_max: str | Unset = UNSET,
    price_min: str | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> (
    ErrorResponse401
    | ErrorResponse403
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | ParseErrorResponse
    | ProductsExportValidationError
    | str
    | None
):
    """Export products as CSV or NDJSON (staff)

     Streams every product matching the filters (those of the product list, inactive products included
    unless `is_active=true`), in the import's columns: an export can be imported as it is. Ordered like
    the list (`ordering`), by id when none is given. Constant memory on the server, whatever the size.

    Args:
        attributes (str | Unset):
        category (int | Unset):
        currency (str | Unset):
        file_format (ProductsExportFileFormat | Unset):  Default: ProductsExportFileFormat.CSV.
        in_stock (bool | None | Unset):
        is_active (bool | None | Unset):
        ordering (ProductsExportOrdering | Unset):
        price_max (str | Unset):
        price_min (str | Unset):
        q (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | ParseErrorResponse | ProductsExportValidationError | str
    """

    return sync_detailed(
        client=client,
        attributes=attributes,
        category=category,
        currency=currency,
        file_format=file_format,
        in_stock=in_stock,
        is_active=is_active,
        ordering=ordering,
        price_max=price_max,
        price_min=price_min,
        q=q,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    attributes: str | Unset = UNSET,
    category: int | Unset = UNSET,
    currency: str | Unset = UNSET,
    file_format: ProductsExportFileFormat | Unset = ProductsExportFileFormat.CSV,
    in_stock: bool | None | Unset = UNSET,
    is_active: bool | None | Unset = UNSET,
    ordering: ProductsExportOrdering | Unset = UNSET,
    price_max: str | Unset = UNSET,
    price_min: str | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[
    ErrorResponse401
    | ErrorResponse403
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | ParseErrorResponse
    | ProductsExportValidationError
    | str
]:
    """Export products as CSV or NDJSON (staff)

     Streams every product matching the filters (those of the product list, inactive products included
    unless `is_active=true`), in the import's columns: an export can be imported as it is. Ordered like
    the list (`ordering`), by id when none is given. Constant memory on the server, whatever the size.

    Args:
        attributes (str | Unset):
        category (int | Unset):
        currency (str | Unset):
        file_format (ProductsExportFileFormat | Unset):  Default: ProductsExportFileFormat.CSV.
        in_stock (bool | None | Unset):
        is_active (bool | None | Unset):
        ordering (ProductsExportOrdering | Unset):
        price_max (str | Unset):
        price_min (str | Unset):
        q (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | ParseErrorResponse | ProductsExportValidationError | str]
    """

    kwargs = _get_kwargs(
        attributes=attributes,
        category=category,
        currency=currency,
        file_format=file_format,
        in_stock=in_stock,
        is_active=is_active,
        ordering=ordering,
        price_max=price_max,
        price_min=price_min,
        q=q,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    attributes: str | Unset = UNSET,
    category: int | Unset = UNSET,
    currency: str | Unset = UNSET,
    file_format: ProductsExportFileFormat | Unset = ProductsExportFileFormat.CSV,
    in_stock: bool | None | Unset = UNSET,
    is_active: bool | None | Unset = UNSET,
    ordering: ProductsExportOrdering | Unset = UNSET,
    price_max: str | Unset = UNSET,
    price_min: str | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> (
    ErrorResponse401
    | ErrorResponse403
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | ParseErrorResponse
    | ProductsExportValidationError
    | str
    | None
):
    """Export products as CSV or NDJSON (staff)

     Streams every product matching the filters (those of the product list, inactive products included
    unless `is_active=true`), in the import's columns: an export can be imported as it is. Ordered like
    the list (`ordering`), by id when none is given. Constant memory on the server, whatever the size.

    Args:
        attributes (str | Unset):
        category (int | Unset):
        currency (str | Unset):
        file_format (ProductsExportFileFormat | Unset):  Default: ProductsExportFileFormat.CSV.
        in_stock (bool | None | Unset):
        is_active (bool | None | Unset):
        ordering (ProductsExportOrdering | Unset):
        price_max (str | Unset):
        price_min (str | Unset):
        q (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | ParseErrorResponse | ProductsExportValidationError | str
    """

    return (
        await asyncio_detailed(
            client=client,
            attributes=attributes,
            category=category,
            currency=currency,
            file_format=file_format,
            in_stock=in_stock,
            is_active=is_active,
            ordering=ordering,
            price_max=price_max,
            price_min=price_min,
            q=q,
            updated_since=updated_since,
        )
    ).parsed
