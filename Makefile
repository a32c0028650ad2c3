# Two commands on a fresh machine with Python 3.11: `make demo` and `make test`.
# The environment is a plain venv built from requirements.lock (pip-tools: `make lock` regenerates it).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# the date seeds/ was written for (Multipub windows, return dates); `autoresponder demo` alone uses today
DEMO_AS_OF ?= 2026-11-25

.PHONY: demo test lint dagster lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/autoresponder demo --as-of $(DEMO_AS_OF)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .

dagster: $(STAMP)
	DAGSTER_HOME=$${DAGSTER_HOME:-$(CURDIR)/.dagster_home} && mkdir -p $$DAGSTER_HOME && \
	  DAGSTER_HOME=$$DAGSTER_HOME $(BIN)/dagster dev -m dagster_defs.definitions

lock:
	$(BIN)/pip install -q pip-tools
	$(BIN)/pip-compile -q --strip-extras --output-file requirements.lock requirements.in

clean:
	rm -rf $(VENV) runs warehouse.duckdb dbt_project/target
