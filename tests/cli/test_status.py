"""`monitor status` on real databases: one filled by replaying the seed story, one whose feeds
fail on a real HTTP server. The expected numbers are counted straight from the database with
SQL of our own, not through monitor's own queries."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy
from delivery_support import START, queue
from end_to_end import FIRST, run
from feed_server import FeedServer
from helpers import BACKEND, rss, storage_toml, store_url, stored_rows, write_config

from monitor.store import Store
from monitor.store.models import Delivery

REPO = Path(__file__).resolve().parents[2]
STORY = REPO / "seeds" / "panjshir"
CHANGES = ("new", "changed", "contested", "retracted")


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A config whose database holds the whole seed story, replayed from its files."""
    tmp = tmp_path_factory.mktemp("status")
    config = tmp / "monitor.toml"
    config.write_text(
        f"[storage]\n{storage_toml(tmp)}\n"
        + (STORY / "watchlist.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    assert run(config, "replay", str(STORY / "timeline")).exit_code == 0
    return config


def counted(config: Path, query: str) -> int:
    [(count,)] = stored_rows(store_url(config.parent), query)
    return int(count)


@contextmanager
def writing(config: Path) -> Iterator[None]:
    """Another connection in the middle of a write, as the daemon would be: an UPDATE in a
    transaction left open (on SQLite with the write lock taken up front)."""
    if BACKEND == "sqlite":
        writer = sqlite3.connect(config.parent / "data" / "monitor.sqlite3", timeout=0)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE feeds SET entries_seen = entries_seen + 1")
        try:
            yield
        finally:
            writer.rollback()
            writer.close()
        return
    engine = sqlalchemy.create_engine(store_url(config.parent))
    try:
        with engine.connect() as connection:
            connection.execute(sqlalchemy.text("UPDATE feeds SET entries_seen = entries_seen + 1"))
            yield
            connection.rollback()
    finally:
        engine.dispose()


def test_status_sums_up_a_replayed_story(replayed: Path) -> None:
    entries = counted(replayed, "SELECT count(*) FROM articles")
    stories = counted(replayed, "SELECT count(*) FROM stories")
    alerts = counted(replayed, "SELECT count(*) FROM alerts")
    changed = counted(replayed, f"SELECT count(*) FROM facts WHERE change IN {CHANGES}")
    assert min(entries, stories, alerts, changed) > 0

    result = run(replayed, "status")

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("monitor status at ")
    assert f"database: {'sqlite:///' if BACKEND == 'sqlite' else 'postgresql'}" in lines[0]
    assert lines[1] == (
        "feeds        5: 0 healthy, 0 backing off, 0 failing, 0 silent, 0 disabled, "
        "5 replayed files"
    )
    today = lines[2]
    assert f": {entries} entries, {stories} new stories, {changed} facts changed (" in today
    assert today.endswith(f", {alerts} alerts")
    assert lines[3] == "outbox       0 queued, 0 held, 0 failed; 0 sent today"
    assert lines[4].startswith("last check   ") and " ago)" in lines[4]


def test_status_json_for_scripts(replayed: Path) -> None:
    result = run(replayed, "status", "--json")

    assert result.exit_code == 0, result.output
    status = json.loads(result.output)
    assert status["database"]["backend"] == BACKEND
    assert status["feeds"] == {
        "total": 5,
        "healthy": 0,
        "backing_off": 0,
        "failing": 0,
        "silent": 0,
        "disabled": 0,
        "file": 5,
        "worst": [],
    }
    today = status["today"]
    assert today["entries"] == counted(replayed, "SELECT count(*) FROM articles")
    assert today["stories"] == counted(replayed, "SELECT count(*) FROM stories")
    assert today["alerts"] == counted(replayed, "SELECT count(*) FROM alerts")
    assert today["facts"]["corroborated"] == counted(
        replayed, "SELECT count(*) FROM facts WHERE change = 'corroborated'"
    )
    assert today["facts_changed"] == sum(today["facts"].get(c, 0) for c in CHANGES)
    assert status["outbox"] == {"queue_depth": 0, "held": 0, "failed": 0, "by_status": {}}
    checked = datetime.fromisoformat(status["last_check"])
    assert checked <= datetime.fromisoformat(status["now"])
    assert status["last_check_age_seconds"] >= 0


def test_status_reads_while_another_connection_holds_the_write_lock(replayed: Path) -> None:
    """A daemon writing (here: a transaction left open) must not block `monitor status`."""
    with writing(replayed):
        result = run(replayed, "status", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["feeds"]["total"] == 5


def test_status_names_the_feeds_in_trouble_worst_first(tmp_path: Path, feeds: FeedServer) -> None:
    wire = feeds.set("wire.xml", rss("Example Wire", [FIRST]))
    broken = feeds.set("broken.xml", b"maintenance", status=503)
    config = write_config(tmp_path, {"wire": wire, "broken": broken, "gone": feeds.url("gone.xml")})
    assert run(config, "poll", "--once").exit_code == 0
    # `gone` has been failing for two days: what the poller records once the health policy
    # says so (tests/pipeline/test_health.py covers that decision).
    store = Store.open(store_url(tmp_path))
    two_days_ago = datetime.now(UTC) - timedelta(days=2)
    store.record_failure(
        "gone",
        checked_at=two_days_ago,
        next_check_at=datetime.now(UTC),
        status=404,
        error="HTTP 404 Not Found",
        health="failing",
    )
    store.close()

    text = run(config, "status").output
    status = json.loads(run(config, "status", "--json").output)

    assert "feeds        3: 1 healthy, 1 backing off, 1 failing, 0 silent, 0 disabled" in text
    trouble = [line for line in text.splitlines() if line.startswith("  ")]
    assert len(trouble) == 2, text
    assert trouble[0].split()[:2] == ["failing", "gone"]
    assert "2 errors: HTTP 404 Not Found" in trouble[0]
    assert trouble[1].split()[:3] == ["backing", "off", "broken"]
    assert trouble[1].endswith("1 error: HTTP 503 Service Unavailable")
    assert [(w["name"], w["state"]) for w in status["feeds"]["worst"]] == [
        ("gone", "failing"),
        ("broken", "backing off"),
    ]
    assert status["feeds"]["healthy"] == 1
    assert status["today"]["entries"] == 1


def test_status_without_a_database_says_so_and_creates_nothing(tmp_path: Path) -> None:
    config = write_config(tmp_path, {})

    result = run(config, "status")

    assert result.exit_code == 1
    if BACKEND == "sqlite":
        assert "no database yet" in result.output
        assert str(tmp_path / "data" / "monitor.sqlite3") in result.output
        assert not (tmp_path / "data").exists()
        return
    assert "no monitor tables yet" in result.output
    engine = sqlalchemy.create_engine(store_url(tmp_path))
    try:
        assert sqlalchemy.inspect(engine).get_table_names() == []
    finally:
        engine.dispose()


def test_a_held_delivery_shows_as_held_not_queued(tmp_path: Path) -> None:
    """One delivery waiting for quiet hours, one pending: one held, one queued."""
    config = write_config(tmp_path, {})
    store = Store.open(store_url(tmp_path))
    try:
        held, _pending = queue(store, 2, ["email"])
        with store.session() as s:
            s.execute(
                sqlalchemy.update(Delivery)
                .where(Delivery.alert_id == held)
                .values(held_reason="quiet hours", next_attempt_at=START + timedelta(hours=8))
            )
    finally:
        store.close()

    text = run(config, "status")
    as_json = run(config, "status", "--json")

    assert text.exit_code == 0, text.output
    assert "outbox       1 queued, 1 held, 0 failed; 0 sent today" in text.output.splitlines()
    outbox = json.loads(as_json.output)["outbox"]
    assert outbox == {
        "queue_depth": 1,
        "held": 1,
        "failed": 0,
        "by_status": {"held": 1, "pending": 1},
    }
