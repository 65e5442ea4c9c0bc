# Two entry points for humans and CI: `make demo` and `make test`.
# Both create .venv with everything they need on first use (Python 3.11+ only).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck unit tools bench eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,zotero]'
	touch $@

# The example plugin package registers a reader, a recognizer and an output
# format through entry points; tests/test_plugins.py uses it from the CLI.
# Only the test run installs it, so `make demo` shows archcite's own plugins.
PLUGIN_STAMP := $(VENV)/.plugin-installed
$(PLUGIN_STAMP): $(STAMP) tests/plugin_pkg/pyproject.toml
	$(BIN)/python -m pip install -q -e tests/plugin_pkg
	touch $@

demo: $(STAMP)
	@bash scripts/demo.sh $(BIN)

# External clients used by the interop tests (pandoc, citeproc-js); the script
# installs them when it can and otherwise says why those tests will skip.
tools:
	@bash scripts/install-test-tools.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) $(PLUGIN_STAMP)
	$(BIN)/pytest -q

test: $(STAMP) tools lint typecheck unit

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_tei.py
	$(BIN)/python benchmarks/bench_recognize.py
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_render.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis out
