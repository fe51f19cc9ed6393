# plcnet: every command a developer or a scheduler needs. `make` alone lists them.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON_BOOT ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.9
UV := $(or $(shell command -v uv 2>/dev/null),.tools/bin/uv)
DB ?= data/plcnet.duckdb
DEMO_DIR := data/raw/demo
CHROMIUM ?= /usr/bin/chromium
NGINX ?= /usr/sbin/nginx
# pytest-xdist workers for `make test`: one per CPU; 0 runs every test in one process.
TEST_WORKERS ?= auto

.PHONY: help setup demo etl serve serve-auth run test lint format translations browser bench clean

help: ## List the commands
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.tools/bin/uv:
	$(PYTHON_BOOT) -m venv .tools
	.tools/bin/pip install --quiet "uv==$(UV_VERSION)"

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen
	@touch $@

setup: $(VENV)/.synced ## Create .venv and install the locked dependencies

demo: setup ## Write the seeded demo Wales to data/raw/demo/ (if absent)
	@if [ -f $(DEMO_DIR)/plcs.csv ]; then echo "Demo data present in $(DEMO_DIR) (make clean to rebuild)"; \
	else $(PY) -m etl demo; fi

etl: setup ## Refresh: validate and load data/raw into $(DB)
	$(PY) -m etl refresh --db $(DB) --trigger make

serve: setup ## Serve the dashboard at http://127.0.0.1:8050 (gunicorn; SERVE_ARGS="--workers 4")
	$(PY) -m dashboard --db $(DB) $(SERVE_ARGS)

serve-auth: setup ## Serve with sign-in required (development provider on :9000, docs/access.md)
	$(PY) -m tests.idp.serve_auth --db $(DB)

run: demo etl serve ## Set up, build the demo data, load it and serve the dashboard

browser: ## Make sure a Chromium and nginx are available for the browser and load-balancer tests
	@bash tests/browser/ensure-chromium.sh $(CHROMIUM)
	@bash tests/replicas/ensure-nginx.sh $(NGINX)

lint: setup ## ruff: lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup ## ruff: fix what can be fixed and format
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

translations: setup ## After editing the English (locale/en): mark changed Welsh fuzzy, list what to translate
	$(PY) -m dashboard.i18n.update

test: setup browser lint ## Run ruff and every test, browser tests included, in parallel (docs/testing.md)
	PLCNET_CHROMIUM=$(CHROMIUM) PLCNET_NGINX=$(NGINX) $(VENV)/bin/pytest -n $(TEST_WORKERS)

bench: setup browser ## Benchmarks: ETL, measures, the dashboard in Chromium and Lighthouse
	cd tests/bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	PLCNET_CHROMIUM=$(CHROMIUM) PYTHONPATH=. $(PY) tests/bench/run.py --england --refresh-scale england us

clean: ## Remove generated data, the database and caches (never data/reference, your raw files or data/pseudonym.key)
	rm -rf $(DEMO_DIR) data/england data/archive data/*.duckdb data/*.duckdb.* data/.*.building* .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +
