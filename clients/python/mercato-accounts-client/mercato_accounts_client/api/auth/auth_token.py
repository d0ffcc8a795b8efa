from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.auth_token_validation_error import AuthTokenValidationError
from ...models.credentials_request import CredentialsRequest
from ...models.error_response_401 import ErrorResponse401
from ...models.error_response_404 import ErrorResponse404
from ...models.error_response_405 import ErrorResponse405
from ...models.error_response_406 import ErrorResponse406
from ...models.error_response_413 import ErrorResponse413
from ...models.error_response_414 import ErrorResponse414
from ...models.error_response_415 import ErrorResponse415
from ...models.error_response_429 import ErrorResponse429
from ...models.error_response_431 import ErrorResponse431
from ...models.error_response_500 import ErrorResponse500
from ...models.parse_error_response import ParseErrorResponse
from ...models.token_pair import TokenPair
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
) -> (
    AuthTokenValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse429
    | ErrorResponse431
    | ErrorResponse500
    | TokenPair
    | None
):
    if response.status_code == 200:
        response_200 = TokenPair.from_dict(response.json())

        return response_200

    if response.status_code == 400:

        def _parse_response_400(data: object) -> AuthTokenValidationError | ParseErrorResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_auth_token_error_response_400_type_0 = AuthTokenValidationError.from_dict(data)

                return componentsschemas_auth_token_error_response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_auth_token_error_response_400_type_1 = ParseErrorResponse.from_dict(data)

            return componentsschemas_auth_token_error_response_400_type_1

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

    if response.status_code == 429:
        response_429 = ErrorResponse429.from_dict(response.json())

        return response_429

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
    AuthTokenValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse429
    | ErrorResponse431
    | ErrorResponse500
    | TokenPair
]:
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
) -> Response[
    AuthTokenValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse429
    | ErrorResponse431
    | ErrorResponse500
    | TokenPair
]:
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
        Response[AuthTokenValidationError | ParseErrorResponse | ErrorResponse401 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse429 | ErrorResponse431 | ErrorResponse500 | TokenPair]
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
) -> (
    AuthTokenValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse429
    | ErrorResponse431
    | ErrorResponse500
    | TokenPair
    | None
):
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
        AuthTokenValidationError | ParseErrorResponse | ErrorResponse401 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse429 | ErrorResponse431 | ErrorResponse500 | TokenPair
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
) -> Response[
    AuthTokenValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse429
    | ErrorResponse431
    | ErrorResponse500
    | TokenPair
]:
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
        Response[AuthTokenValidationError | ParseErrorResponse | ErrorResponse401 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse429 | ErrorResponse431 | ErrorResponse500 | TokenPair]
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
) -> (
    AuthTokenValidationError
    | ParseErrorResponse
    | ErrorResponse401
    | ErrorResponse404
    | ErrorResponse405
    | ErrorResponse406
    | ErrorResponse413
    | ErrorResponse414
    | ErrorResponse415
    | ErrorResponse429
    | ErrorResponse431
    | ErrorResponse500
    | TokenPair
    | None
):
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
        AuthTokenValidationError | ParseErrorResponse | ErrorResponse401 | ErrorResponse404 | ErrorResponse405 | ErrorResponse406 | ErrorResponse413 | ErrorResponse414 | ErrorResponse415 | ErrorResponse429 | ErrorResponse431 | ErrorResponse500 | TokenPair
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            mercato_client_ip=mercato_client_ip,
        )
    ).parsed
