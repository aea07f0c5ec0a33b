# SIKAP — two commands do all set-up: `make run` (demo server) and `make test` (whole suite).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/sikap
# The suite runs in a random order; the seed is printed so that an order can be replayed:
# `make test SEED=1234`. `make test SEED=` runs it in the written order.
ifeq ($(origin SEED),undefined)
SEED := $(shell od -An -N2 -tu2 /dev/urandom | tr -d ' ')
endif
# Modules are shuffled and so are the tests within each: a module-scoped fixture (the whole demo
# regency, the seed's SAKIP year) is then built once per run, not again after every interleaving.
ORDER := $(if $(SEED),--random-order-bucket=module --random-order-seed=$(SEED),)
ORDER_NOTE := $(if $(SEED),random order with seed $(SEED); replay: make test SEED=$(SEED),written order)

.PHONY: install system-libs run serve-prod test test-sqlite test-postgres check bench screenshots lock clean

# Exactly the versions in requirements.lock, each checked against its hash; then SIKAP itself.
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed system-libs

system-libs:
	@bash tools/system_libs.sh

# requirements.lock again from pyproject.toml (every package pinned, with hashes); needs PyPI.
lock:
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet 'uv==0.13.8'
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --universal \
		--python-version 3.11 --quiet --output-file requirements.lock

# `sikap demo` migrates first and builds each module's demo data that is not there yet.
# Without a real population registry (SIKAP_DUKCAPIL_URL) the local stand-in answers on
# 127.0.0.1:$(DUKCAPIL_PORT) with the demo's families; stop it (`kill` the pid it prints) to see
# the manual-check path (docs/dukcapil.md).
DUKCAPIL_PORT ?= 8203
run: install
	$(PY) -m sikap.cli demo --if-empty
	@# The job worker runs beside the web server; Ctrl-C stops the server, the trap the worker.
	@if [ -z "$$SIKAP_DUKCAPIL_URL" ]; then \
		$(PY) -m sikap.cli dukcapil standin --port $(DUKCAPIL_PORT) & standin=$$!; \
		export SIKAP_DUKCAPIL_URL=http://127.0.0.1:$(DUKCAPIL_PORT); \
	fi; \
	$(PY) -m sikap.cli worker & worker=$$!; \
	trap 'kill -TERM $$worker $$standin 2>/dev/null; wait $$worker $$standin' EXIT; \
	trap 'exit 130' INT TERM; \
	$(PY) -m sikap.cli runserver 127.0.0.1:8000

# Production mode on this machine (docs/deployment.md): PostgreSQL, debug off, static files
# collected for WhiteNoise, gunicorn on 127.0.0.1:8000 behind a TLS proxy, and the job worker.
# Needs SIKAP_SECRET_KEY (50+ random characters) and SIKAP_ALLOWED_HOSTS.
serve-prod: install
	@test -n "$$SIKAP_SECRET_KEY" || { echo "Set SIKAP_SECRET_KEY (docs/deployment.md)." >&2; exit 1; }
	@export SIKAP_DEBUG=false SIKAP_DATABASE_URL="$${SIKAP_DATABASE_URL:-$(PG_URL)}"; \
	$(PY) -m sikap.cli migrate --noinput && \
	$(PY) -m sikap.cli collectstatic --noinput --verbosity 0 && \
	{ $(PY) -m sikap.cli worker & worker=$$!; \
	  trap 'kill -TERM $$worker 2>/dev/null; wait $$worker' EXIT; trap 'exit 130' INT TERM; \
	  $(VENV)/bin/gunicorn -c deploy/gunicorn.conf.py; }

# Both databases at once, one core each (these machines have two); each log is printed whole
# when both are done, so that the output reads as two runs, and a failure of either fails.
test: install
	@rm -f .test-*.log; \
	$(MAKE) --no-print-directory test-sqlite SEED=$(SEED) > .test-sqlite.log 2>&1 & sqlite=$$!; \
	$(MAKE) --no-print-directory test-postgres SEED=$(SEED) > .test-postgres.log 2>&1 & postgres=$$!; \
	wait $$sqlite; s=$$?; wait $$postgres; p=$$?; \
	echo "SQLite: exit $$s, PostgreSQL: exit $$p"; \
	cat .test-sqlite.log .test-postgres.log; \
	test $$s -eq 0 -a $$p -eq 0

test-sqlite: install
	@echo "== test suite on SQLite ($(ORDER_NOTE)) =="
	$(PY) -m pytest $(ORDER)

# A user's machine without PostgreSQL runs SQLite only; in CI a missing PostgreSQL fails.
test-postgres: install
	@if $(PY) tools/pg_available.py "$(PG_URL)"; then \
		echo "== test suite on PostgreSQL ($(ORDER_NOTE)) =="; \
		SIKAP_DATABASE_URL="$(PG_URL)" $(PY) -m pytest $(ORDER); \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL is not reachable at $(PG_URL); CI requires it." >&2; exit 1; \
	else \
		echo "PostgreSQL is not reachable at $(PG_URL): skipped the PostgreSQL run (SQLite passed)."; \
	fi

# Each figure is printed as a ratio against a floor measured in the same run.
bench: install
	$(PY) bench/import_siasn.py
	$(PY) bench/import_siasn.py --postgres
	$(PY) bench/import_memory.py
	$(PY) bench/ip_asn.py
	$(PY) bench/ip_asn.py --postgres
	$(PY) bench/api_auth.py
	$(PY) bench/api_auth.py --postgres
	$(PY) bench/audited_delete.py
	$(PY) bench/audited_delete.py --postgres
	$(PY) bench/auth_pages.py
	$(PY) bench/auth_pages.py --postgres
	$(PY) bench/home.py
	$(PY) bench/home.py --postgres --sizes 5845,100000
	$(PY) bench/completeness.py
	$(PY) bench/completeness.py --postgres
	$(PY) bench/kgb.py
	$(PY) bench/kgb.py --postgres
	$(PY) bench/competency.py
	$(PY) bench/attendance.py
	$(PY) bench/attendance.py --postgres
	$(PY) bench/attendance_load.py
	$(PY) bench/pension.py
	$(PY) bench/pension.py --postgres
	$(PY) bench/dukcapil.py
	$(PY) bench/promotion.py
	$(PY) bench/promotion.py --postgres

# What CI checks before the tests: lint, format, no model change without its migration, and the
# domain rules fully typed.
check: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m sikap.cli makemigrations --check --dry-run
	$(VENV)/bin/mypy --strict sikap/rules

screenshots: install
	$(PY) tools/screenshots.py

clean:
	rm -rf $(VENV) var/test-*
