"""A catalog project for the worker process that tests/catalog/test_worker.py starts."""
