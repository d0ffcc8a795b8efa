# Mercato: `make run` starts the whole system, `make test` runs every check and test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SERVICES := accounts catalog orders
# Settings modules read these at import; static checks need them to exist, not to be real.
CHECK_ENV := SECRET_KEY=static-checks DATABASE_URL=postgresql://localhost/static-checks \
	ALLOWED_HOSTS=localhost ACCOUNTS_URL=http://accounts.invalid CATALOG_URL=http://catalog.invalid

.PHONY: install run test lint typecheck imports test-suites schema lock clean

$(INSTALLED): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(INSTALLED)

install: $(INSTALLED)

run: install
	$(BIN)/python scripts/run.py

test: lint typecheck imports test-suites

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	@for service in $(SERVICES); do \
		echo "mypy: common/ and $${service}_service/ with $${service}_service.settings"; \
		$(CHECK_ENV) DJANGO_SETTINGS_MODULE=$${service}_service.settings \
			$(BIN)/mypy common $${service}_service || exit 1; \
	done

imports: install
	$(BIN)/lint-imports

# One pytest run per Django project: each service, the shared package, then the real processes
# (end to end, then fuzzed by schemathesis).
test-suites: install
	@for suite in $(SERVICES) common e2e fuzz; do \
		echo "pytest tests/$$suite"; \
		$(BIN)/pytest tests/$$suite || exit 1; \
	done

# Rewrite each service's committed OpenAPI schema from its code.
SCHEMA_SIGNING_KEY := .data/secrets/schema-signing-key.pem

schema: install
	@$(BIN)/python -c "from pathlib import Path; from common.devstack import write_signing_key; write_signing_key(Path('$(SCHEMA_SIGNING_KEY)'))"
	@for service in $(SERVICES); do \
		$(CHECK_ENV) JWT_SIGNING_KEYS_FILE=$(SCHEMA_SIGNING_KEY) $(BIN)/python $${service}_service/manage.py spectacular \
			--fail-on-warn --validate --file $${service}_service/openapi.yaml || exit 1; \
		echo "wrote $${service}_service/openapi.yaml"; \
	done

# Re-pin every transitive dependency after changing pyproject.toml.
lock: install
	$(BIN)/uv pip compile pyproject.toml --group dev --python-version 3.11 --generate-hashes --quiet -o requirements.lock

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
