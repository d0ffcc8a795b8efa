"""Settings of rungs 3 and 4 of the API ladder (bench/api/ladder.py): catalog's own settings,
middleware, apps, logging and REST_FRAMEWORK, untouched, with only the URLs swapped so that the
products' two URLs answer from the ladder's views instead of catalog's."""

from catalog_service.settings import *  # noqa: F403

ROOT_URLCONF = "bench.api.ladder"
