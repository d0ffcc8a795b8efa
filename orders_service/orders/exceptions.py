"""What the orders services refuse, as domain exceptions; ``api/errors.py`` maps each to an HTTP
status and the standard error body. Nothing here knows about HTTP."""

from __future__ import annotations


class OrderError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class OrderNotFound(OrderError):
    def __init__(self) -> None:
        super().__init__("No such order.")


class InvalidTransition(OrderError):
    """The order's status does not allow what was asked (e.g. cancelling a pending order)."""

    def __init__(self, current: str, wanted: str) -> None:
        super().__init__(f"The order is {current} and cannot become {wanted}.")
        self.current = current
        self.wanted = wanted


class CancellationInFlight(InvalidTransition):
    """The order is being cancelled (its stock may already be back on sale): it cannot be
    fulfilled, and the cancellation finishes by itself (recovery)."""

    def __init__(self, wanted: str) -> None:
        super().__init__("cancelling", wanted)
        self.message = (
            f"The order's cancellation is in progress (its stock is going back to the catalog); "
            f"it cannot become {wanted}."
        )


class ShippingAddressNotFound(OrderError):
    def __init__(self) -> None:
        super().__init__("No such address in your address book.")


class DependencyUnavailable(OrderError):
    """A service this request needs cannot answer now; nothing was changed. Retry later."""

    def __init__(self, service: str, *, retry_after: float | None = None) -> None:
        super().__init__(f"The {service} service is unavailable at the moment; retry later.")
        self.service = service
        self.retry_after = retry_after


class StockReturnRefused(OrderError):
    """catalog refused to take the order's stock back (its reservation is not committed)."""

    def __init__(self, code: str) -> None:
        super().__init__(f"The catalog refused to return the stock ({code}).")
        self.code = code
