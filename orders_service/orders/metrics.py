"""Business counters of orders, served at /metrics with the rest (summed over gunicorn workers
in prometheus_client's multiprocess mode)."""

from __future__ import annotations

from typing import Final

from prometheus_client import Counter

ORDERS_PLACED: Final = Counter("mercato_orders_placed", "Orders recorded (pending) by POST /api/v1/orders/.")
ORDERS_CONFIRMED: Final = Counter("mercato_orders_confirmed", "Orders confirmed: their stock is sold.")
ORDERS_REJECTED: Final = Counter("mercato_orders_rejected", "Orders rejected, by reason.", ["reason"])
ORDERS_CANCELLED: Final = Counter("mercato_orders_cancelled", "Confirmed orders cancelled; stock returned.")
ORDERS_FULFILLED: Final = Counter("mercato_orders_fulfilled", "Confirmed orders fulfilled.")
ORDERS_LEFT_PENDING: Final = Counter(
    "mercato_orders_left_pending", "Saga runs that ended without a definite answer (recovery retries them)."
)
