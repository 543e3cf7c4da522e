"""A SQLite database locked by another process: every command that meets the lock says so in one
line (what, which file, what to do) and exits 1, after the busy timeout the URL's `?timeout=`
sets (half a second here instead of 30); and once the lock is gone, what the locked poll could
not store is read and stored again."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from end_to_end import FIRST, run
from faults import COMMANDS, only_line
from feed_server import FeedServer
from helpers import rss, write_config
from loopback import serve_on_loopback

from monitor.config import ConfigError, load_config
from monitor.service.lifecycle import probe_database
from monitor.store.db import create_db_engine

pytestmark = pytest.mark.sqlite_only("locks of SQLite files held by another process")

# Takes the lock when told (a line on stdin), says "locked", gives it back at the next line.
# `write` is BEGIN IMMEDIATE: other writers wait, readers go on (WAL). `exclusive` also shuts
# readers out, as a tool that opens the file in exclusive locking mode does.
LOCKER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
sys.stdin.readline()
if sys.argv[2] == "exclusive":
    connection.execute("PRAGMA locking_mode=EXCLUSIVE")
    connection.execute("BEGIN EXCLUSIVE")
else:
    connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
connection.rollback()
"""


class Locker:
    """Another process that holds the database's lock between `take` and `give_back`."""

    def __init__(self, database: Path, kind: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", LOCKER, str(database), kind],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def _say(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line)
        self.process.stdin.flush()

    def take(self) -> None:
        assert self.process.stdout is not None
        self._say("take\n")
        assert self.process.stdout.readline().strip() == "locked"

    def give_back(self) -> None:
        if self.process.poll() is None:
            self.process.communicate("give back\n", timeout=30)
        assert self.process.returncode == 0


@contextmanager
def locker(database: Path, kind: str = "write") -> Iterator[Locker]:
    held = Locker(database, kind)
    try:
        yield held
    finally:
        if held.process.poll() is None:
            held.process.communicate("take\ngive back\n", timeout=30)


def locked_config(tmp_path: Path, feeds: dict[str, str]) -> tuple[Path, Path]:
    """A config whose database waits half a second for a lock, and that database, created."""
    database = tmp_path / "data" / "monitor.sqlite3"
    url = f"sqlite:///{database}?timeout=0.5"
    config = write_config(tmp_path, feeds, database_url=url)
    assert run(config, "feeds").exit_code == 0  # creates the database and its schema
    return config, database


def says_locked(line: str, database: Path) -> None:
    assert f"the database {database} is locked by another process: database is locked." in line
    assert "try again when it is done" in line


def stored_guids(database: Path) -> set[str]:
    with sqlite3.connect(database) as connection:
        return {row[0] for row in connection.execute("SELECT guid FROM articles")}


def test_a_write_lock_stops_the_writers_in_one_line_and_loses_nothing(
    tmp_path: Path, feeds: FeedServer
) -> None:
    url = feeds.set("wire.xml", rss("Wire", [FIRST]))
    config, database = locked_config(tmp_path, {"wire": url})

    with locker(database) as held:
        held.take()
        for command in [("poll", "--once"), ("run",)]:
            result = run(config, *command)
            assert result.exit_code == 1, (command, result.output)
            says_locked(only_line(result.output), database)
        for command in [("feeds",), ("stories",), ("alerts",), ("facts",), ("status",)]:
            result = run(config, *command)
            assert result.exit_code == 0, ("readers go on beside a writer", command, result.output)
        held.give_back()

    assert stored_guids(database) == set()
    again = run(config, "poll", "--once")
    assert again.exit_code == 0, again.output
    assert "1 new entries" in again.output
    assert stored_guids(database) == {"wire-1001"}


def test_a_lock_taken_while_a_poll_stores_leaves_the_feed_to_be_read_again(
    tmp_path: Path,
) -> None:
    """The lock is taken while the feed is being fetched: the poll cannot store the entry nor
    record the check. The feed is not recorded as read (no ETag, no body hash), so when its
    claim runs out the whole document is asked for again and the entry stored."""
    body = rss("Wire", [FIRST]).encode()
    asked: list[str | None] = []
    held: Locker | None = None

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.headers.get("If-None-Match"))
            if len(asked) == 1 and held is not None:
                held.take()
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", '"v1"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    with serve_on_loopback(Handler) as port:
        config, database = locked_config(tmp_path, {"wire": f"http://127.0.0.1:{port}/w.xml"})
        with locker(database) as held:
            during = run(config, "poll", "--once")
            held.give_back()

        assert during.exit_code == 1, during.output
        assert "Traceback" not in during.output
        says_locked(during.output.strip().splitlines()[-1], database)
        assert stored_guids(database) == set()
        [feed] = [json.loads(line) for line in run(config, "feeds", "--json").output.splitlines()]
        assert (feed["etag"], feed["body_hash"]) == (None, None), "not recorded as read"

        with sqlite3.connect(database) as connection:  # the claim runs out
            connection.execute("UPDATE feeds SET lease_until = NULL, claimed_by = NULL")
        again = run(config, "poll", "--once")

    assert again.exit_code == 0, again.output
    assert asked == [None, None], "the whole document is asked for again"
    assert stored_guids(database) == {"wire-1001"}


def test_an_exclusive_lock_is_one_line_from_every_command(
    tmp_path: Path, feeds: FeedServer
) -> None:
    config, database = locked_config(tmp_path, {"wire": feeds.set("w.xml", rss("W", [FIRST]))})
    snapshot = tmp_path / "wire.xml"
    snapshot.write_text(rss("Wire", [FIRST]), encoding="utf-8")

    with locker(database, "exclusive") as held:
        held.take()
        for command in [*COMMANDS, ("replay", str(snapshot))]:
            result = run(config, *command)
            assert result.exit_code == 1, (command, result.output)
            says_locked(only_line(result.output), database)
        held.give_back()

    again = run(config, "poll", "--once")
    assert again.exit_code == 0, again.output
    assert stored_guids(database) == {"wire-1001"}


def test_the_url_timeout_is_how_long_a_connection_waits(tmp_path: Path) -> None:
    database = tmp_path / "monitor.sqlite3"
    for url, milliseconds in [
        (f"sqlite:///{database}", 30_000),
        (f"sqlite:///{database}?timeout=0.5", 500),
        (f"sqlite:///{database}?timeout=0", 0),
    ]:
        engine = create_db_engine(url)
        try:
            with engine.connect() as connection:
                waits = connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one()
            assert waits == milliseconds, url
            probe_database(engine, 2)  # the health probe waits less, then puts it back
            with engine.connect() as connection:
                waits = connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one()
            assert waits == milliseconds, url
        finally:
            engine.dispose()


@pytest.mark.parametrize("timeout", ["soon", "-1", "nan", ""])
def test_a_timeout_that_is_not_seconds_is_a_configuration_error(
    tmp_path: Path, timeout: str
) -> None:
    path = write_config(tmp_path, {}, database_url=f"sqlite:///{tmp_path}/m.db?timeout={timeout}")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert f"storage.url: the SQLite URL's timeout={timeout!r} is not a number of seconds" in str(
        raised.value
    )
