# SIKAP — two commands do all set-up: `make run` (demo server) and `make test` (whole suite).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/sikap

.PHONY: install run test test-sqlite test-postgres bench lint screenshots clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

# `sikap demo` migrates first and builds each module's demo data that is not there yet.
run: install
	$(PY) -m sikap.cli demo --if-empty
	@# The job worker runs beside the web server; Ctrl-C stops the server, the trap the worker.
	@$(PY) -m sikap.cli worker & worker=$$!; \
	trap 'kill -TERM $$worker 2>/dev/null; wait $$worker' EXIT; trap 'exit 130' INT TERM; \
	$(PY) -m sikap.cli runserver 127.0.0.1:8000

test: test-sqlite test-postgres

test-sqlite: install
	@echo "== test suite on SQLite =="
	$(PY) -m pytest

# A user's machine without PostgreSQL runs SQLite only; in CI a missing PostgreSQL fails.
test-postgres: install
	@if $(PY) tools/pg_available.py "$(PG_URL)"; then \
		echo "== test suite on PostgreSQL =="; \
		SIKAP_DATABASE_URL="$(PG_URL)" $(PY) -m pytest; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL is not reachable at $(PG_URL); CI requires it." >&2; exit 1; \
	else \
		echo "PostgreSQL is not reachable at $(PG_URL): skipped the PostgreSQL run (SQLite passed)."; \
	fi

# Each figure is printed as a ratio against a floor measured in the same run.
bench: install
	$(PY) bench/import_siasn.py
	$(PY) bench/import_siasn.py --postgres
	$(PY) bench/ip_asn.py
	$(PY) bench/ip_asn.py --postgres

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

screenshots: install
	$(PY) tools/screenshots.py

clean:
	rm -rf $(VENV) var/test-*
