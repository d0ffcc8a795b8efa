from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credentials_request import CredentialsRequest
from ...models.error_response import ErrorResponse
from ...models.token_pair import TokenPair
from ...models.validation_error_response import ValidationErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CredentialsRequest,
    mercato_client_ip: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(mercato_client_ip, Unset):
        headers["Mercato-Client-IP"] = mercato_client_ip

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/token/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | TokenPair | ValidationErrorResponse | None:
    if response.status_code == 200:
        response_200 = TokenPair.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ValidationErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = ErrorResponse.from_dict(response.json())

        return response_405

    if response.status_code == 406:
        response_406 = ErrorResponse.from_dict(response.json())

        return response_406

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 414:
        response_414 = ErrorResponse.from_dict(response.json())

        return response_414

    if response.status_code == 415:
        response_415 = ErrorResponse.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

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
) -> Response[ErrorResponse | TokenPair | ValidationErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CredentialsRequest,
    mercato_client_ip: str | Unset = UNSET,
) -> Response[ErrorResponse | TokenPair | ValidationErrorResponse]:
    """Sign in: obtain an access and refresh token

     401 for an unknown address, a wrong password or an inactive account alike. After
    `AXES_FAILURE_LIMIT` failures for one address from one client address, every attempt, even with the
    right password, answers 429 until `AXES_COOLOFF_TIME` has passed. The client address is the caller's
    (behind `NUM_PROXIES` trusted proxies, the one they saw), or the one in `Mercato-Client-IP` when the
    call carries a service token with the scope `accounts.sign-in:relay`.

    Args:
        mercato_client_ip (str | Unset):
        body (CredentialsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TokenPair | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        mercato_client_ip=mercato_client_ip,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CredentialsRequest,
    mercato_client_ip: str | Unset = UNSET,
) -> ErrorResponse | TokenPair | ValidationErrorResponse | None:
    """Sign in: obtain an access and refresh token

     401 for an unknown address, a wrong password or an inactive account alike. After
    `AXES_FAILURE_LIMIT` failures for one address from one client address, every attempt, even with the
    right password, answers 429 until `AXES_COOLOFF_TIME` has passed. The client address is the caller's
    (behind `NUM_PROXIES` trusted proxies, the one they saw), or the one in `Mercato-Client-IP` when the
    call carries a service token with the scope `accounts.sign-in:relay`.

    Args:
        mercato_client_ip (str | Unset):
        body (CredentialsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TokenPair | ValidationErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        mercato_client_ip=mercato_client_ip,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CredentialsRequest,
    mercato_client_ip: str | Unset = UNSET,
) -> Response[ErrorResponse | TokenPair | ValidationErrorResponse]:
    """Sign in: obtain an access and refresh token

     401 for an unknown address, a wrong password or an inactive account alike. After
    `AXES_FAILURE_LIMIT` failures for one address from one client address, every attempt, even with the
    right password, answers 429 until `AXES_COOLOFF_TIME` has passed. The client address is the caller's
    (behind `NUM_PROXIES` trusted proxies, the one they saw), or the one in `Mercato-Client-IP` when the
    call carries a service token with the scope `accounts.sign-in:relay`.

    Args:
        mercato_client_ip (str | Unset):
        body (CredentialsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TokenPair | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        mercato_client_ip=mercato_client_ip,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CredentialsRequest,
    mercato_client_ip: str | Unset = UNSET,
) -> ErrorResponse | TokenPair | ValidationErrorResponse | None:
    """Sign in: obtain an access and refresh token

     401 for an unknown address, a wrong password or an inactive account alike. After
    `AXES_FAILURE_LIMIT` failures for one address from one client address, every attempt, even with the
    right password, answers 429 until `AXES_COOLOFF_TIME` has passed. The client address is the caller's
    (behind `NUM_PROXIES` trusted proxies, the one they saw), or the one in `Mercato-Client-IP` when the
    call carries a service token with the scope `accounts.sign-in:relay`.

    Args:
        mercato_client_ip (str | Unset):
        body (CredentialsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TokenPair | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            mercato_client_ip=mercato_client_ip,
        )
    ).parsed
