from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from helpers import store_url
from sqlalchemy import text

from monitor.records import FetchResult
from monitor.store import Store
from monitor.store.models import Base

NOW = datetime(2021, 9, 6, 12, 0, tzinfo=UTC)


def open_store(tmp_path: Path) -> Store:
    return Store.open(store_url(tmp_path))


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


@pytest.mark.sqlite_only
def test_sqlite_file_uses_wal_and_reopening_is_harmless(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    store = open_store(tmp_path)
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert (tmp_path / "data" / "monitor.sqlite3").exists()


def test_a_due_feed_is_claimed_once(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.sync_feeds(
        [("a", "https://a.example/rss", 600, True), ("b", "https://b.example/rss", 600, False)], NOW
    )
    lease = timedelta(minutes=10)
    first = store.claim_due_feeds(NOW, lease, limit=10, instance_id="one")
    second = store.claim_due_feeds(NOW + timedelta(seconds=1), lease, 10, instance_id="one")
    assert [t.name for t in first] == ["a"]
    assert second == []


def test_removing_a_feed_from_the_config_disables_it_and_keeps_its_row(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.sync_feeds([("a", "https://a.example/rss", 600, True)], NOW)
    store.sync_feeds([], NOW)
    [feed] = store.feeds()
    assert feed.name == "a" and not feed.enabled


def test_fetch_errors_count_up_and_success_resets_them(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.sync_feeds([("a", "https://a.example/rss", 600, True)], NOW)
    for _ in range(3):
        store.record_failure("a", checked_at=NOW, next_check_at=NOW, status=500, error="HTTP 500")
    assert store.error_count("a") == 3
    store.record_success("a", FetchResult("a", "u", NOW, 200, b"", etag='"v1"'), NOW)
    [feed] = store.feeds()
    assert (feed.error_count, feed.last_error, feed.last_success_at) == (0, None, NOW)
