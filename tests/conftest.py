from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from feed_server import FeedServer, feed_server
from helpers import BACKEND, BOTH
from postgres_support import SCHEMAS, postgres_schema
from shared_corpus import require_corpus
from smtp_server import smtp_server

from monitor.logs.events import forget_urls

TESTS = Path(__file__).resolve().parent
# $MONITOR_DATA_DIR overrides the data_dir of every configuration (monitor/config/__init__.py): one
# set in the developer's shell must not send the tests' databases there.
os.environ.pop("MONITOR_DATA_DIR", None)

# Modules whose tests never open a database (pure functions, parsing, fetching, rendering):
# marked `store_free`, so the PostgreSQL run can leave them out (`-m "not store_free"`). The
# claim is checked: a store_free test that opens a database fails.
STORE_FREE = {
    "alert",
    "extract",
    "test_route.py",
    "test_config.py",
    "test_dedup.py",
    "test_delivery_retry.py",
    "test_diff.py",
    "test_fetch.py",
    "test_fetch_guard.py",
    "test_fetch_headers.py",
    "test_fetch_hostile.py",
    "test_labelled_corpus.py",
    "test_lock.py",
    "test_match.py",
    "test_metrics.py",
    "test_parse.py",
    "test_parse_dates.py",
    "test_parse_fast.py",
    "test_parse_hostile.py",
    "test_parse_manifest.py",
    "test_query_explain.py",
    "test_query_match.py",
    "test_query_parse.py",
    "test_query_text.py",
    "test_routing_config.py",
    "test_schedule.py",
    "test_stories_pairs.py",
    "test_systemd_unit.py",
    "test_web_views.py",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        folder = item.path.relative_to(TESTS).parts[0]
        if folder in STORE_FREE or item.path.name in STORE_FREE:
            item.add_marker(pytest.mark.store_free)
        sqlite_only = item.get_closest_marker("sqlite_only")
        if BACKEND != "sqlite" and sqlite_only:
            why = sqlite_only.args[0] if sqlite_only.args else "about SQLite itself"
            item.add_marker(pytest.mark.skip(reason=f"sqlite_only: {why}"))


@pytest.fixture(scope="session", autouse=True)
def _drop_module_schemas() -> Iterator[None]:
    """Schemas that module-scoped fixtures made on the PostgreSQL run go at the end."""
    yield
    SCHEMAS.close()


@pytest.fixture(autouse=True)
def _database_per_test(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """On the PostgreSQL run each test's schemas are dropped when it ends, and a test that still
    made a SQLite file (a URL built by hand) fails: it would pass without testing PostgreSQL.
    A store_free test that opens a database fails on either run."""
    if request.node.get_closest_marker("store_free"):
        monkeypatch.setattr("monitor.store.db.create_engine", _no_database)
    with SCHEMAS.test_scope():
        yield
    tmp = request.node.funcargs.get("tmp_path")
    if BACKEND == "postgresql" and not request.node.get_closest_marker("sqlite_only") and tmp:
        files = sorted(str(path.relative_to(tmp)) for path in Path(tmp).rglob("*.sqlite3"))
        if files:
            pytest.fail(f"the PostgreSQL run made SQLite files in tmp_path: {', '.join(files)}")


def _no_database(*args: object, **kwargs: object) -> None:
    raise AssertionError("a test marked store_free (tests/conftest.py) opened a database")


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    """A real HTTP server on 127.0.0.1 serving the feeds a test sets."""
    with feed_server() as server:
        yield server


@pytest.fixture
def smtp() -> Iterator[tuple[str, int, list]]:  # type: ignore[type-arg]
    """A real SMTP server on 127.0.0.1: (host, port, received messages)."""
    with smtp_server() as server:
        yield server


@pytest.fixture
def corpus() -> Path:
    """The shared corpus of real feeds; skipped without it, failed without it in CI."""
    return require_corpus()


@pytest.fixture(autouse=True)
def _forget_logged_secrets() -> Iterator[None]:
    """Each test starts with no remembered URL secrets: a channel user name from one test's
    config ("monitor") must not mask words in another test's log lines."""
    yield
    forget_urls()


@pytest.fixture(
    params=[
        pytest.param("sqlite", marks=pytest.mark.sqlite_only(BOTH)),
        pytest.param("postgres", marks=pytest.mark.postgres),
    ]
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database on each backend in turn: a SQLite file, then a PostgreSQL schema
    of its own (for tests that compare the backends' behaviour, e.g. locking and leases)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'monitor.sqlite3'}"
        return
    with postgres_schema() as url:
        yield url
