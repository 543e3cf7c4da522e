# Two commands: `make demo` sets up and shows the daemon on an offline story;
# `make test` sets up and runs every check CI runs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# What installs: every package pinned with its hashes, resolved from pyproject.toml by `make lock`
# (requirements.lock runs the daemon; requirements-dev.lock adds the test tools of [dev]).
LOCK := requirements.lock
DEV_LOCK := requirements-dev.lock

.PHONY: demo test lint typecheck unit unit-postgres install-check run check-config clean bench bench-quick eval eval-real lock

$(STAMP): pyproject.toml $(DEV_LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(DEV_LOCK)
	$(BIN)/python -m pip check
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# uv resolves the locks: one pinned release in a venv of its own (.tools), used for nothing else.
# The build backend ([build-system] requires) is locked too, so the project itself builds from
# pinned, hash-checked parts (`pip install --no-deps --no-build-isolation`).
UV_VERSION := 0.13.9
UV := .tools/bin/uv
BUILD_REQUIRES := $(PYTHON) -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")'
COMPILE := $(UV) pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	--no-emit-index-url --custom-compile-command "make lock"

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet uv==$(UV_VERSION)

# Pins already in a lock are kept unless pyproject.toml excludes them;
# `make lock LOCK_ARGS=--upgrade` moves everything to the newest releases allowed.
lock: $(UV)
	$(BUILD_REQUIRES) | $(COMPILE) $(LOCK_ARGS) pyproject.toml - -o $(LOCK)
	$(BUILD_REQUIRES) | $(COMPILE) $(LOCK_ARGS) pyproject.toml - --extra dev -c $(LOCK) -o $(DEV_LOCK)

# `make demo DEMO_ARGS=--serve` keeps the web view up after the story, until Ctrl-C.
demo: $(STAMP)
	$(BIN)/monitor demo $(DEMO_ARGS)

test: lint typecheck unit unit-postgres install-check

lint: $(STAMP)
	$(BIN)/ruff check monitor tests benchmarks
	$(BIN)/ruff format --check monitor tests benchmarks
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

# The same tests on PostgreSQL (127.0.0.1:5432, database `test`): each test's database is a
# schema of its own; modules that never open a database are left out (tests/conftest.py).
unit-postgres: $(STAMP)
	MONITOR_TEST_BACKEND=postgresql $(BIN)/pytest -q -m "not store_free"

# The production install of docs/operating.md, run as written in a fresh venv with Python
# 3.11's own pip (the oldest the docs allow), then `monitor --version` (tests/docs/install_check.py).
install-check: $(STAMP)
	$(BIN)/python tests/docs/install_check.py

run: $(STAMP)
	$(BIN)/monitor --config config/monitor.toml run

check-config: $(STAMP)
	$(BIN)/monitor --config config/monitor.toml check-config

clean:
	rm -rf $(VENV) .tools .mypy_cache .ruff_cache .pytest_cache *.egg-info

# Every figure of the performance issue with its baselines (benchmarks/README.md): steady state
# and ingest with stage shares (1,000 feeds), one round over 10,000 feeds, growth to 1,000,000
# stored entries, the HTTP floor of a 304, the command line's start-up CPU. About 4 minutes on
# 2 cores; `make bench-quick` runs small sizes in about 1.
bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench_polling $(BENCH_ARGS)
	$(BIN)/python -m benchmarks.bench_scale $(SCALE_ARGS)
	$(BIN)/python -m benchmarks.bench_growth $(GROWTH_ARGS)
	$(BIN)/python -m benchmarks.bench_http
	$(BIN)/python -m benchmarks.bench_extract
	$(BIN)/python -m benchmarks.bench_startup

bench-quick: $(STAMP)
	$(BIN)/python -m benchmarks.bench_polling --feeds 200 --rounds 2
	$(BIN)/python -m benchmarks.bench_scale --feeds 1000
	$(BIN)/python -m benchmarks.bench_growth --sizes 0 10000 100000 --feeds 20
	$(BIN)/python -m benchmarks.bench_http --feeds 100
	$(BIN)/python -m benchmarks.bench_extract --articles 10 --repeats 2
	$(BIN)/python -m benchmarks.bench_startup --runs 5

# Precision and recall per fact kind on the labelled corpus and on the held-out one
# (tests/labelled/README.md, tests/labelled/heldout/README.md).
eval: $(STAMP)
	$(BIN)/python -m monitor.evaluation.labelled $(EVAL_ARGS)

# The same on real reporting (tests/realtext/README.md): the labels are in the repo, the texts
# are not; TEXTS names the folder that holds them, one <id>.txt per article.
eval-real: $(STAMP)
	@test -n "$(TEXTS)" || { echo "usage: make eval-real TEXTS=DIR (tests/realtext/README.md)"; exit 2; }
	$(BIN)/python -m monitor.evaluation.real_report --texts "$(TEXTS)" $(EVAL_ARGS)
