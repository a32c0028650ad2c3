# Two commands on a fresh machine with Python 3.11: `make demo` and `make test`.
# The environment is a plain venv built from requirements.lock (pip-tools: `make lock` regenerates it).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# the date seeds/ was written for (Multipub windows, return dates); `autoresponder demo` alone uses today
DEMO_AS_OF ?= 2026-11-25

.PHONY: demo test lint dagster lock clean data-docs-screenshot

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
