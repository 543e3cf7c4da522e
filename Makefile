# Two commands: `make demo` sets up and shows the daemon on an offline story;
# `make test` sets up and runs every check CI runs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit run check-config clean bench eval

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/monitor demo

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check monitor tests benchmarks
	$(BIN)/ruff format --check monitor tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

run: $(STAMP)
	$(BIN)/monitor --config config/monitor.toml run

check-config: $(STAMP)
	$(BIN)/monitor --config config/monitor.toml check-config

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache *.egg-info

# The polling benchmark (benchmarks/README.md): about two minutes; prints ratios to a baseline.
bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench_polling $(BENCH_ARGS)

# Precision and recall per fact kind on the labelled corpus (tests/labelled/README.md).
eval: $(STAMP)
	$(BIN)/python -m monitor.evaluate $(EVAL_ARGS)
