from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.categories_list_validation_error import CategoriesListValidationError
from ...models.category import Category
from ...models.error_response_401 import ErrorResponse401
from ...models.error_response_404 import ErrorResponse404
from ...models.error_response_405 import ErrorResponse405
from ...models.error_response_406 import ErrorResponse406
from ...models.error_response_413 import ErrorResponse413
from ...models.error_response_414 import ErrorResponse414
from ...models.error_response_415 import ErrorResponse415
from ...models.error_response_431 import ErrorResponse431
from ...models.error_response_500 import ErrorResponse500
from ...models.parse_error_response import ParseErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    max_depth: int | Unset = UNSET,
    parent: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["max_depth"] = max_depth

    params["parent"] = parent

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/categories/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    CategoriesListValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | list[Category]
    | None
):
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Category.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:

        def _parse_response_400(data: object) -> CategoriesListValidationError | ParseErrorResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_categories_list_error_response_400_type_0 = CategoriesListValidationError.from_dict(
                    data
                )

                return componentsschemas_categories_list_error_response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_categories_list_error_response_400_type_1 = ParseErrorResponse.from_dict(data)

            return componentsschemas_categories_list_error_response_400_type_1

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse401.from_dict(response.json())

        return response_401

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
    CategoriesListValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | list[Category]
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
    max_depth: int | Unset = UNSET,
    parent: int | Unset = UNSET,
) -> Response[
    CategoriesListValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | list[Category]
]:
    """The category tree

     Every category, flat, in depth-first order (each parent before its children), with its `parent` and
    `depth`: enough to build the tree or a breadcrumb in one request. Not paginated.

    Args:
        max_depth (int | Unset):
        parent (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CategoriesListValidationError | ParseErrorResponse | ErrorResponse401 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | list[Category]]
    """

    kwargs = _get_kwargs(
        max_depth=max_depth,
        parent=parent,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    max_depth: int | Unset = UNSET,
    parent: int | Unset = UNSET,
) -> (
    CategoriesListValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | list[Category]
    | None
):
    """The category tree

     Every category, flat, in depth-first order (each parent before its children), with its `parent` and
    `depth`: enough to build the tree or a breadcrumb in one request. Not paginated.

    Args:
        max_depth (int | Unset):
        parent (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CategoriesListValidationError | ParseErrorResponse | ErrorResponse401 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | list[Category]
    """

    return sync_detailed(
        client=client,
        max_depth=max_depth,
        parent=parent,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    max_depth: int | Unset = UNSET,
    parent: int | Unset = UNSET,
) -> Response[
    CategoriesListValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | list[Category]
]:
    """The category tree

     Every category, flat, in depth-first order (each parent before its children), with its `parent` and
    `depth`: enough to build the tree or a breadcrumb in one request. Not paginated.

    Args:
        max_depth (int | Unset):
        parent (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CategoriesListValidationError | ParseErrorResponse | ErrorResponse401 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | list[Category]]
    """

    kwargs = _get_kwargs(
        max_depth=max_depth,
        parent=parent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    max_depth: int | Unset = UNSET,
    parent: int | Unset = UNSET,
) -> (
    CategoriesListValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse431
    | ErrorResponse500
    | list[Category]
    | None
):
    """The category tree

     Every category, flat, in depth-first order (each parent before its children), with its `parent` and
    `depth`: enough to build the tree or a breadcrumb in one request. Not paginated.

    Args:
        max_depth (int | Unset):
        parent (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CategoriesListValidationError | ParseErrorResponse | ErrorResponse401 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse431 | ErrorResponse500 | list[Category]
    """

    return (
        await asyncio_detailed(
            client=client,
            max_depth=max_depth,
            parent=parent,
        )
    ).parsed
