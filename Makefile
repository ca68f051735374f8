# Sightline: two commands do all set-up on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PEOPLE ?= 5000
SEED ?= 42
DEMO_DIR := var/demo

CHROMIUM := /usr/bin/chromium

.PHONY: install demo check test lint bench default-model clean

install: $(STAMP)

$(STAMP): pyproject.toml graph/launcher/pom.xml
	@command -v java >/dev/null || { echo "error: Java 17 is needed for the bundled Neo4j: apt-get install -y openjdk-17-jre-headless"; exit 1; }
	@command -v mvn >/dev/null || { echo "error: Maven is needed to build the bundled Neo4j: apt-get install -y maven"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -c "from graph.server import build; build()"
	touch $(STAMP)

# The demo administrator `demo` is created (or, re-run, given a new password) by `sightline users demo`; the
# commands sign in as it through their environment only, and the password is printed, never written to a file.
demo: install
	$(BIN)/sightline neo4j start
	$(BIN)/sightline generate --people $(PEOPLE) --seed $(SEED) --out $(DEMO_DIR)
	@set -eo pipefail; \
	password="$$($(BIN)/sightline users demo)"; \
	export SIGHTLINE_USER=demo SIGHTLINE_PASSWORD="$$password" SIGHTLINE_TOKEN=; \
	$(BIN)/sightline load $(DEMO_DIR); \
	$(BIN)/sightline resolve; \
	$(BIN)/sightline stats; \
	printf '\n%s\n  %s\n  %s\n%s\n\n' \
	  "Sign in to the explorer (and the command line: SIGHTLINE_USER, SIGHTLINE_PASSWORD) as" \
	  "user name: demo" "password:  $$password" \
	  "(a new password each time make demo runs; \`sightline users token\` gives the CLI a token)"; \
	env -u SIGHTLINE_USER -u SIGHTLINE_PASSWORD $(BIN)/sightline explore

# Debian's chromium for the explorer's browser test (Playwright drives it; no browser download). Skipped when present.
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y chromium; \
	else echo "error: the browser test needs Debian's chromium: sudo apt-get install -y chromium"; exit 1; fi

# Everything, as CI runs it: the checks, then every test against a throwaway Neo4j.
test: lint $(CHROMIUM)
	$(BIN)/pytest -q --durations=10

# The checks and the unit tests, without Neo4j: under a minute.
check: lint
	$(BIN)/pytest -q -m "not integration"

bench: install $(CHROMIUM)
	$(BIN)/python -m bench.run --people $(or $(BENCH_PEOPLE),100000)

# The linkage model resolve falls back to on too few records to train (linkage/default_model.json).
default-model: install
	$(BIN)/python -m bench.default_model

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	-$(BIN)/sightline neo4j stop
	rm -rf $(VENV) graph/launcher/target
