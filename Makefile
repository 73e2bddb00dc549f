# Two commands on a fresh machine with only python3:
#   make demo   read the example reports and print a summary of each (V=1: every diagnostic)
#   make test   lint, type-check and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python examples/summarize.py examples/reports $(if $(V),-v)

test: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks fuzz docs/make_keys.py
	$(BIN)/ruff format --check src tests examples benchmarks fuzz docs/make_keys.py
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_parse.py
	$(BIN)/python benchmarks/bench_release.py
	$(BIN)/python benchmarks/bench_batch.py
	$(BIN)/python benchmarks/bench_readers.py
	$(BIN)/python benchmarks/bench_ocr.py

clean:
	rm -rf $(VENV) dist build .mypy_cache .ruff_cache .hypothesis
