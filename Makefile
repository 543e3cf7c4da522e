# Two commands: `make demo` sets up and shows the daemon on an offline story;
# `make test` sets up and runs every check CI runs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit unit-postgres run check-config clean bench bench-quick eval

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# `make demo DEMO_ARGS=--serve` keeps the web view up after the story, until Ctrl-C.
demo: $(STAMP)
	$(BIN)/monitor demo $(DEMO_ARGS)

test: lint typecheck unit unit-postgres

lint: $(STAMP)
	$(BIN)/ruff check monitor tests benchmarks
	$(BIN)/ruff format --check monitor tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

# The same tests on PostgreSQL (127.0.0.1:5432, database `test`): each test's database is a
# schema of its own; modules that never open a database are left out (tests/conftest.py).
unit-postgres: $(STAMP)
	MONITOR_TEST_BACKEND=postgresql $(BIN)/pytest -q -m "not store_free"

run: $(STAMP)
	$(BIN)/monitor --config config/monitor.toml run

check-config: $(STAMP)
	$(BIN)/monitor --config config/monitor.toml check-config

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache *.egg-info

# Every figure of the performance issue with its baselines (benchmarks/README.md): steady state
# and ingest with stage shares (1,000 feeds), one round over 10,000 feeds, growth to 1,000,000
# stored entries, the HTTP floor of a 304. About 4 minutes on 2 cores; `make bench-quick` runs
# small sizes in about 1.
bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench_polling $(BENCH_ARGS)
	$(BIN)/python -m benchmarks.bench_scale $(SCALE_ARGS)
	$(BIN)/python -m benchmarks.bench_growth $(GROWTH_ARGS)
	$(BIN)/python -m benchmarks.bench_http

bench-quick: $(STAMP)
	$(BIN)/python -m benchmarks.bench_polling --feeds 200 --rounds 2
	$(BIN)/python -m benchmarks.bench_scale --feeds 1000
	$(BIN)/python -m benchmarks.bench_growth --sizes 0 10000 100000 --feeds 20
	$(BIN)/python -m benchmarks.bench_http --feeds 100

# Precision and recall per fact kind on the labelled corpus and on the held-out one
# (tests/labelled/README.md, tests/labelled/heldout/README.md).
eval: $(STAMP)
	$(BIN)/python -m monitor.evaluate $(EVAL_ARGS)
