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

# make test once installed the example plugin package (tests/plugin_pkg) into
# .venv, which then showed its reader and format in make demo. The tests now put
# it on sys.path only while they run; take it out of a venv that still has it.
OLD_PLUGIN_STAMP := $(VENV)/.plugin-installed
.PHONY: forget-example-plugin
forget-example-plugin: $(STAMP)
	@if [ -e $(OLD_PLUGIN_STAMP) ]; then \
	  $(BIN)/python -m pip uninstall -q -y archcite-example-plugin && \
	  rm -f $(OLD_PLUGIN_STAMP); fi

demo: $(STAMP) forget-example-plugin
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

unit: $(STAMP) forget-example-plugin
	$(BIN)/pytest -q

test: $(STAMP) tools lint typecheck unit

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_tei.py
	$(BIN)/python benchmarks/bench_recognize.py
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_render.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis out
