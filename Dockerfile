# syntax=docker/dockerfile:1
# One image for every Mercato service and job; the command picks what runs (docs/deploy.md):
#   gunicorn -c python:common.gunicorn_conf <service>_service.wsgi      the web server (default: accounts)
#   django-admin <command>   with DJANGO_SETTINGS_MODULE=<service>_service.settings
#                            (migrate, procrastinate worker, expire_reservations, ...)
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# --- build: compilers live here only ---------------------------------------------------------
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
# Every pinned dependency ships wheels for linux/amd64 and arm64; the compiler is there for a
# platform where one falls back to its sdist.
RUN apt-get update \
    && apt-get install --yes --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# Dependencies first, in their own layer: it is rebuilt only when the lock changes.
COPY requirements-runtime.lock ./
RUN pip install --require-hashes --no-deps -r requirements-runtime.lock
COPY pyproject.toml README.md ./
COPY common ./common
COPY accounts_service ./accounts_service
COPY catalog_service ./catalog_service
COPY orders_service ./orders_service
RUN pip install --no-deps .

# --- runtime: slim, no compilers, non-root -----------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime
LABEL org.opencontainers.image.title="mercato" \
      org.opencontainers.image.description="Mercato services: accounts, catalog, orders"
RUN groupadd --system --gid 10001 mercato \
    && useradd --system --uid 10001 --gid mercato --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin mercato
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    STATIC_ROOT=/opt/mercato/static \
    BIND=0.0.0.0:8000
WORKDIR /opt/mercato
# Static files (the admin's and the API docs') are collected here, at build, for WhiteNoise:
# the root filesystem is read-only at run time. Settings need their required variables to
# import; these placeholders exist only for this command.
RUN for service in accounts catalog orders; do \
        SECRET_KEY=collectstatic DATABASE_URL=postgresql://localhost/collectstatic ALLOWED_HOSTS=localhost \
        ACCOUNTS_URL=http://accounts.invalid CATALOG_URL=http://catalog.invalid \
        DJANGO_SETTINGS_MODULE=${service}_service.settings LOG_LEVEL=WARNING \
        django-admin collectstatic --noinput --verbosity 0 || exit 1; \
    done
USER 10001:10001
EXPOSE 8000
CMD ["gunicorn", "-c", "python:common.gunicorn_conf", "accounts_service.wsgi"]
