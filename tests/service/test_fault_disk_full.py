"""A database that cannot grow (SQLite's own `max_page_count`: writes fail with "database or
disk is full", as on a full filesystem) while a poll stores a large feed: the entries that did
not fit are not lost. The feed is not recorded as read (no body hash, no validators), so the
same document is fetched and read again once there is room; the feed, `monitor status` and the
exit code say what happened meanwhile."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from end_to_end import run
from faults import ENTRIES, database_cannot_grow_past, market_report, page_count
from feed_server import FeedServer
from helpers import rss, write_config

from monitor.store import Store

pytestmark = pytest.mark.sqlite_only("SQLite's max_page_count stands in for a full disk")


def stored_guids(database: Path) -> set[str]:
    with sqlite3.connect(database) as connection:
        return {row[0] for row in connection.execute("SELECT guid FROM articles")}


def test_entries_refused_by_a_full_database_are_read_again_once_there_is_room(
    tmp_path: Path, feeds: FeedServer
) -> None:
    url = feeds.set("markets.xml", rss("Markets", [market_report(n) for n in range(ENTRIES)]))
    config = write_config(tmp_path, {"markets": url})
    database = tmp_path / "data" / "monitor.sqlite3"
    Store.open(f"sqlite:///{database}").close()  # schema in place; now it may grow a little

    with database_cannot_grow_past(page_count(database) + 12):
        full = run(config, "poll", "--once")

    assert full.exit_code == 1, full.output
    assert "entries not stored (database or disk is full)" in full.output
    assert "Traceback" not in full.output
    stored_while_full = stored_guids(database)
    assert 0 < len(stored_while_full) < ENTRIES, "the disk filled up part of the way"
    [feed] = [json.loads(line) for line in run(config, "feeds", "--json").output.splitlines()]
    assert feed["body_hash"] is None and feed["etag"] is None, "not recorded as read"
    assert feed["state"] == "backing off"
    not_stored = ENTRIES - len(stored_while_full)
    assert (
        feed["last_error"] == f"could not store {not_stored} new entries: database or disk is full"
    )
    status = run(config, "status").output
    assert "database or disk is full" in status

    again = run(config, "poll", "--once")

    assert again.exit_code == 0, again.output
    second = feeds.hits("markets.xml")[-1]
    assert "If-None-Match" not in second, "the whole document is asked for again"
    assert stored_guids(database) == {f"market-{n}" for n in range(ENTRIES)}
    assert f"{not_stored} new entries" in again.output
    [feed] = [json.loads(line) for line in run(config, "feeds", "--json").output.splitlines()]
    assert (feed["state"], feed["last_error"]) == ("healthy", None)
    assert feed["entries_seen"] == ENTRIES


def test_replay_says_how_many_entries_a_full_database_refused(tmp_path: Path) -> None:
    config = write_config(tmp_path, {})
    snapshot = tmp_path / "markets.xml"
    snapshot.write_text(rss("Markets", [market_report(n) for n in range(ENTRIES)]), "utf-8")
    database = tmp_path / "data" / "monitor.sqlite3"
    Store.open(f"sqlite:///{database}").close()

    with database_cannot_grow_past(page_count(database) + 12):
        full = run(config, "replay", str(snapshot))

    assert full.exit_code == 1, full.output
    not_stored = ENTRIES - len(stored_guids(database))
    assert 0 < not_stored < ENTRIES
    assert f"{not_stored} entries not stored (database or disk is full)" in full.output
    again = run(config, "replay", str(snapshot))
    assert again.exit_code == 0, again.output
    assert stored_guids(database) == {f"market-{n}" for n in range(ENTRIES)}
