"""A task only the worker tests register (tests/catalog/worker/settings.py): it blocks the
worker's event loop, the bug the worker's liveness probe must catch."""

import time

from procrastinate.contrib.django import app


@app.task(name="tests.block_event_loop")
async def block_event_loop(seconds: float) -> None:
    time.sleep(seconds)  # blocking the loop is the point
