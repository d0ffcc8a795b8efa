# Mercato: `make run` starts the whole system, `make test` runs every check and test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SERVICES := accounts catalog orders
# Settings modules read these at import; static checks need them to exist, not to be real.
CHECK_ENV := SECRET_KEY=static-checks DATABASE_URL=postgresql://localhost/static-checks \
	ALLOWED_HOSTS=localhost ACCOUNTS_URL=http://accounts.invalid CATALOG_URL=http://catalog.invalid

.PHONY: install run test lint typecheck imports test-suites schema lock clean clients clients-check schema-compat
# The generated Python clients (make clients), installed editable into the venv.
CLIENT_PACKAGES := $(foreach service,$(SERVICES),clients/python/mercato-$(service)-client)
CLIENTS_INSTALLED := $(VENV)/.clients-installed
NODE_INSTALLED := node_modules/.installed

$(INSTALLED): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(INSTALLED)

# Their dependencies (httpx, attrs) are pinned in requirements.lock.
$(CLIENTS_INSTALLED): $(INSTALLED) $(foreach package,$(CLIENT_PACKAGES),$(package)/setup.py)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps $(foreach package,$(CLIENT_PACKAGES),-e $(package))
	touch $(CLIENTS_INSTALLED)

# openapi-typescript, openapi-fetch and tsc, at the versions in package-lock.json.
$(NODE_INSTALLED): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_INSTALLED)

# Debian packages the checks need, each as package:command; one is installed (apt-get, as root)
# only when its command is missing. prometheus: promtool, which checks and unit-tests the Helm
# chart's alerts (tests/helm/test_alerts.py); chromium: the browser tests/browser drives through
# Playwright (whose own browser download is not used); pgbouncer: the pooler in transaction mode
# that tests/e2e/test_pgbouncer.py puts in front of the embedded PostgreSQL (in /usr/sbin, which
# is not on every user's PATH, so that is looked at too).
DEBIAN_PACKAGES := prometheus:promtool chromium:chromium pgbouncer:pgbouncer
DEBIAN_INSTALLED := $(VENV)/.debian-installed

# Not root: say what is missing and go on (make run needs none of them); the stamp is left
# unwritten, so the next make tries again, and the tests that need a package fail naming it.
$(DEBIAN_INSTALLED): Makefile
	@missing=""; \
	for entry in $(DEBIAN_PACKAGES); do \
		command -v "$${entry#*:}" >/dev/null 2>&1 || [ -x "/usr/sbin/$${entry#*:}" ] || missing="$$missing $${entry%%:*}"; \
	done; \
	if [ -z "$$missing" ]; then \
		mkdir -p $(VENV) && touch $@; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "apt-get install$$missing"; \
		{ apt-get install -y --no-install-recommends $$missing >/dev/null || \
			{ apt-get update >/dev/null && apt-get install -y --no-install-recommends $$missing >/dev/null; }; } && \
		mkdir -p $(VENV) && touch $@; \
	else \
		echo "Missing Debian packages:$$missing (the test suites need them). As root: apt-get install$$missing" >&2; \
	fi

install: $(INSTALLED) $(CLIENTS_INSTALLED) $(NODE_INSTALLED) $(DEBIAN_INSTALLED)

run: install
	$(BIN)/python scripts/run.py

test: lint typecheck imports clients-check schema-compat test-suites

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Each service with its own tests, under its settings (bench/ drives catalog in process); then the
# suites of the whole system and scripts/ under tests/common's project, which mounts common/ only.
TYPECHECK_SYSTEM := tests/common tests/e2e tests/browser tests/fuzz tests/helm tests/live_system.py tests/real_services.py scripts

typecheck: install
	@for service in $(SERVICES); do \
		extra=; [ $$service = catalog ] && extra="bench tests/replicas"; \
		echo "mypy: common/, devtools/, $${service}_service/, tests/$${service}/ $${extra:+and $$extra/ }with $${service}_service.settings"; \
		$(CHECK_ENV) DJANGO_SETTINGS_MODULE=$${service}_service.settings \
			$(BIN)/mypy common devtools $${service}_service tests/$${service} $$extra || exit 1; \
	done
	@echo "mypy: common/, devtools/, $(TYPECHECK_SYSTEM) with tests.common.project.settings"
	@$(CHECK_ENV) DJANGO_SETTINGS_MODULE=tests.common.project.settings \
		$(BIN)/mypy common devtools $(TYPECHECK_SYSTEM)

imports: install
	$(BIN)/lint-imports

# One pytest run per Django project: each service, catalog against a streaming standby (replicas),
# the shared package, then the real processes
# (end to end, in a real browser, then fuzzed by schemathesis); last the Helm chart and the
# Dockerfile (no Django).
test-suites: install
	@for suite in $(SERVICES) replicas common e2e browser fuzz helm; do \
		echo "pytest tests/$$suite"; \
		$(BIN)/pytest tests/$$suite || exit 1; \
	done

# The fuzz suite with a new random seed each time (printed: replay a failure with FUZZ_SEED=<seed>)
# and more examples than `make test` affords; not part of `make test`, so CI stays deterministic.
FUZZ_DEEP_EXAMPLES ?= 100

.PHONY: fuzz-deep
fuzz-deep: install
	FUZZ_SEED=random FUZZ_MAX_EXAMPLES=$(FUZZ_DEEP_EXAMPLES) $(BIN)/pytest tests/fuzz

# Every benchmark on data it generates, into bench/RESULTS.md and bench/results/ (docs/performance.md).
# BENCH_SCALE=small (100,000 products, minutes) or full (1,000,000 products).
BENCH_SCALE ?= small

.PHONY: bench
bench: install
	$(BIN)/python bench/run_bench.py --scale $(BENCH_SCALE)

# Rewrite each service's committed OpenAPI schema from its code.
SCHEMA_SIGNING_KEY := .data/secrets/schema-signing-key.pem

schema: install
	@$(BIN)/python -c "from pathlib import Path; from devtools.devstack import write_signing_key; write_signing_key(Path('$(SCHEMA_SIGNING_KEY)'))"
	@for service in $(SERVICES); do \
		$(CHECK_ENV) JWT_SIGNING_KEYS_FILE=$(SCHEMA_SIGNING_KEY) $(BIN)/python $${service}_service/manage.py spectacular \
			--fail-on-warn --validate --file $${service}_service/openapi.yaml || exit 1; \
		echo "wrote $${service}_service/openapi.yaml"; \
	done

# Regenerate the API clients in clients/ from the committed schemas, then build a wheel per
# Python client and an npm package per service into dist/clients/ (docs/api.md).
clients: install
	$(BIN)/python scripts/clients.py generate
	$(BIN)/python scripts/clients.py package

# Fail when the committed clients are stale, or do not import, type-check or compile.
clients-check: install
	$(BIN)/python scripts/clients.py check

# Fail on a breaking change to a committed schema without a raised info.version (docs/api.md).
schema-compat: install
	$(BIN)/python scripts/schema_compat.py

# Re-pin every transitive dependency after changing pyproject.toml; the runtime-only lock (the
# container image's) takes the same versions.
lock: install
	$(BIN)/uv pip compile pyproject.toml --group dev --python-version 3.11 --generate-hashes --quiet -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes --quiet -c requirements.lock -o requirements-runtime.lock

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache node_modules dist/clients
