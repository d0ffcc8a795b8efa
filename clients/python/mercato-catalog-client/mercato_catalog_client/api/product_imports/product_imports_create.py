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
from ...models.product_import import ProductImport
from ...models.product_import_upload_request import ProductImportUploadRequest
from ...models.product_imports_create_validation_error import ProductImportsCreateValidationError
from ...types import Response


def _get_kwargs(
    *,
    body: ProductImportUploadRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/product-imports/",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
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
    | ProductImportsCreateValidationError
    | ProductImport
    | None
):
    if response.status_code == 202:
        response_202 = ProductImport.from_dict(response.json())

        return response_202

    if response.status_code == 400:

        def _parse_response_400(data: object) -> ParseErrorResponse | ProductImportsCreateValidationError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_product_imports_create_error_response_400_type_0 = (
                    ProductImportsCreateValidationError.from_dict(data)
                )

                return componentsschemas_product_imports_create_error_response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_product_imports_create_error_response_400_type_1 = ParseErrorResponse.from_dict(data)

            return componentsschemas_product_imports_create_error_response_400_type_1

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
    | ProductImportsCreateValidationError
    | ProductImport
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
    body: ProductImportUploadRequest,
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
    | ProductImportsCreateValidationError
    | ProductImport
]:
    """Upload a CSV or NDJSON file of products to import (staff)

     Stores the file and queues its import; answers 202 with the job at once. Follow `links.self` for
    progress, counts and rejected rows. Rows are upserted by SKU: importing the same file again changes
    nothing. See docs/catalog-bulk.md for the format.

    Args:
        body (ProductImportUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | ParseErrorResponse | ProductImportsCreateValidationError | ProductImport]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ProductImportUploadRequest,
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
    | ProductImportsCreateValidationError
    | ProductImport
    | None
):
    """Upload a CSV or NDJSON file of products to import (staff)

     Stores the file and queues its import; answers 202 with the job at once. Follow `links.self` for
    progress, counts and rejected rows. Rows are upserted by SKU: importing the same file again changes
    nothing. See docs/catalog-bulk.md for the format.

    Args:
        body (ProductImportUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | ParseErrorResponse | ProductImportsCreateValidationError | ProductImport
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ProductImportUploadRequest,
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
    | ProductImportsCreateValidationError
    | ProductImport
]:
    """Upload a CSV or NDJSON file of products to import (staff)

     Stores the file and queues its import; answers 202 with the job at once. Follow `links.self` for
    progress, counts and rejected rows. Rows are upserted by SKU: importing the same file again changes
    nothing. See docs/catalog-bulk.md for the format.

    Args:
        body (ProductImportUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | ParseErrorResponse | ProductImportsCreateValidationError | ProductImport]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ProductImportUploadRequest,
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
    | ProductImportsCreateValidationError
    | ProductImport
    | None
):
    """Upload a CSV or NDJSON file of products to import (staff)

     Stores the file and queues its import; answers 202 with the job at once. Follow `links.self` for
    progress, counts and rejected rows. Rows are upserted by SKU: importing the same file again changes
    nothing. See docs/catalog-bulk.md for the format.

    Args:
        body (ProductImportUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse401 | ErrorResponse403 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | ParseErrorResponse | ProductImportsCreateValidationError | ProductImport
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
