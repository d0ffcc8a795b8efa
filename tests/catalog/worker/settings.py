"""catalog's settings, plus a task that blocks the event loop (tests/catalog/worker/tasks.py),
for the worker process tests/catalog/test_worker.py starts."""

from catalog_service.settings import *

PROCRASTINATE_IMPORT_PATHS = ["tests.catalog.worker.tasks"]
