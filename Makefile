# Two commands on a fresh machine with Python 3.11: `make demo` and `make test`.
# The environment is a plain venv built from requirements.lock (pip-tools: `make lock` regenerates it).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# the date seeds/ was written for (Multipub windows, return dates); `autoresponder demo` alone uses today
DEMO_AS_OF ?= 2026-11-25

.PHONY: demo test test-fast lint dagster lock clean compile-tsql docs odbc data-docs-screenshot

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# pip byte-compiles every installed file on one core (about 60 s of the install); compileall does
	# the same on every core. Without it each process of the first tests compiles what it imports
	# (measured: +230 s of test time). A file it cannot compile (none known) compiles on import.
	$(BIN)/pip install -q --no-compile -r requirements.lock
	$(BIN)/python -m compileall -q -j 0 $(VENV)/lib > /dev/null || true
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/autoresponder demo --as-of $(DEMO_AS_OF)

# both cores: pytest-xdist, one test file per worker at a time (module fixtures run once), in the
# order tests/conftest.py gives (longest first); xdist's default reorders files by test count instead
test: $(STAMP) odbc
	$(BIN)/ruff check .
	$(BIN)/pytest -n 2 --dist loadfile --no-loadscope-reorder

# the edit-test loop: ruff and the unit tests (no pipeline run, no Node); `make test` before a commit
test-fast: $(STAMP) odbc
	$(BIN)/ruff check .
	$(BIN)/pytest -n 2 tests/unit

# pyodbc (under dbt-sqlserver) loads the unixODBC library: install Debian's `unixodbc` when it is missing
odbc:
	@$(PYTHON) -c "import ctypes.util, sys; sys.exit(not ctypes.util.find_library('odbc'))" || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  echo "installing unixodbc (pyodbc needs libodbc.so.2)"; \
	  $$SUDO apt-get install -y -q unixodbc >/dev/null || \
	    { $$SUDO apt-get update -q >/dev/null && $$SUDO apt-get install -y -q unixodbc >/dev/null; }; }

# dbt docs (every model, column, source and exposure, with the catalog of the demo warehouse):
# `make demo` first; open dbt_project/target/docs/index.html, or `dbt docs serve` from that target
WAREHOUSE ?= warehouse.duckdb
docs: $(STAMP)
	$(BIN)/python -c "from autoresponder.dbt import generate_docs; \
	  n = generate_docs('$(WAREHOUSE)', 'dbt_project/target/docs'); print(f'{n} relations: dbt_project/target/docs/index.html')"

# every model and data test compiled for the `sqlserver` target (no server needed), each parsed as T-SQL
compile-tsql: $(STAMP) odbc
	$(BIN)/python -m autoresponder.tsql_check --target-path dbt_project/target/sqlserver

lint: $(STAMP)
	$(BIN)/ruff check .

dagster: $(STAMP)
	DAGSTER_HOME=$${DAGSTER_HOME:-$(CURDIR)/.dagster_home} && mkdir -p $$DAGSTER_HOME && \
	  DAGSTER_HOME=$$DAGSTER_HOME $(BIN)/dagster dev -m dagster_defs.definitions

# docs/data_docs.png: the newest run's Data Docs page of the CUPOLA org-person input suite, in headless Chromium
data-docs-screenshot:
	@page=$$(ls -t runs/*/data_docs/validations/inputs/raw_cupola_org_persons/*/*/*.html | head -1) && \
	  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1600 \
	    --screenshot=docs/data_docs.png "file://$(CURDIR)/$$page"

lock:
	$(BIN)/pip install -q pip-tools
	$(BIN)/pip-compile -q --strip-extras --output-file requirements.lock requirements.in

clean:
	rm -rf $(VENV) runs warehouse.duckdb dbt_project/target
