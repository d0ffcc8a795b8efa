from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.category import Category
from ...models.error_response import ErrorResponse
from ...models.patched_category_write_request import PatchedCategoryWriteRequest
from ...models.validation_error_response import ValidationErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    category_id: str,
    *,
    body: PatchedCategoryWriteRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/categories/{category_id}/".format(
            category_id=quote(str(category_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Category | ErrorResponse | ValidationErrorResponse | None:
    if response.status_code == 200:
        response_200 = Category.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ValidationErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = ErrorResponse.from_dict(response.json())

        return response_405

    if response.status_code == 406:
        response_406 = ErrorResponse.from_dict(response.json())

        return response_406

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = ErrorResponse.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 414:
        response_414 = ErrorResponse.from_dict(response.json())

        return response_414

    if response.status_code == 415:
        response_415 = ErrorResponse.from_dict(response.json())

        return response_415

    if response.status_code == 431:
        response_431 = ErrorResponse.from_dict(response.json())

        return response_431

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Category | ErrorResponse | ValidationErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    category_id: str,
    *,
    client: AuthenticatedClient,
    body: PatchedCategoryWriteRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Category | ErrorResponse | ValidationErrorResponse]:
    """Change a category (staff)

     Changing `parent` moves the category with its subtree.

    Args:
        category_id (str):
        if_match (str | Unset):
        body (PatchedCategoryWriteRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Category | ErrorResponse | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        category_id=category_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    category_id: str,
    *,
    client: AuthenticatedClient,
    body: PatchedCategoryWriteRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Category | ErrorResponse | ValidationErrorResponse | None:
    """Change a category (staff)

     Changing `parent` moves the category with its subtree.

    Args:
        category_id (str):
        if_match (str | Unset):
        body (PatchedCategoryWriteRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Category | ErrorResponse | ValidationErrorResponse
    """

    return sync_detailed(
        category_id=category_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    category_id: str,
    *,
    client: AuthenticatedClient,
    body: PatchedCategoryWriteRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Category | ErrorResponse | ValidationErrorResponse]:
    """Change a category (staff)

     Changing `parent` moves the category with its subtree.

    Args:
        category_id (str):
        if_match (str | Unset):
        body (PatchedCategoryWriteRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Category | ErrorResponse | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        category_id=category_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    category_id: str,
    *,
    client: AuthenticatedClient,
    body: PatchedCategoryWriteRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Category | ErrorResponse | ValidationErrorResponse | None:
    """Change a category (staff)

     Changing `parent` moves the category with its subtree.

    Args:
        category_id (str):
        if_match (str | Unset):
        body (PatchedCategoryWriteRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Category | ErrorResponse | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            category_id=category_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
