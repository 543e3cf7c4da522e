"""Slow feeds stall only themselves, and a slow database delays only storage.

A server that drips its body until the deadline and one that never answers share a host with
healthy feeds (another port: another origin, with its own cap). The healthy feeds are
processed while the slow ones are still in flight, in `poll` and in the daemon's `run`, and
the slow feed's retry counts from when its failure was known. Then another process holds the
SQLite write lock while fetches are in flight: storing waits, and no feed records a timeout
its server never caused."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from end_to_end import FIRST, run
from feed_server import FeedServer
from helpers import Item, rss, store_url, stored_rows, write_config
from hostile_server import Exchange, HostileServer, head, hostile_server, never_answer
from loopback import serve_on_loopback

from monitor.config import load_config
from monitor.pipeline import utcnow
from monitor.service.daemon import Daemon

HEALTHY = ("wire-a", "wire-b", "wire-c")
DEADLINE = 4.0


def quiet_item(name: str) -> Item:
    return Item(f"{name}-1", f"Harbour notes from {name}", "Ships came and went.", FIRST.link)


def slow_polling(config: Path, **settings: object) -> None:
    lines = "".join(f"{key} = {value}\n" for key, value in settings.items())
    config.write_text(config.read_text().replace("timeout_seconds = 5\n", lines))


def feed_rows(tmp_path: Path) -> dict[str, tuple[object, ...]]:
    rows = stored_rows(
        store_url(tmp_path), "SELECT name, last_checked_at, next_check_at, last_error FROM feeds"
    )
    return {str(row[0]): row[1:] for row in rows}


def as_time(value: object) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


class Drip:
    """A 200 whose body arrives a byte every 0.1 s until the server closes; before it stops
    (cut off by the client's deadline) it notes what the database said at that moment."""

    def __init__(self, snapshot: Callable[[], object]) -> None:
        self.snapshot = snapshot
        self.seen: list[object] = []

    def __call__(self, exchange: Exchange) -> None:
        exchange.send(head(200, {"Content-Length": "100000", "Content-Type": "text/xml"}))
        for _ in range(int(DEADLINE * 10) - 10):  # stops about a second before the deadline
            if exchange.wait(0.1):
                return
            exchange.send(b" ")
        self.seen.append(self.snapshot())
        exchange.wait(DEADLINE)


def slow_and_healthy(
    tmp_path: Path, hostile: HostileServer, drip: Drip, feeds: FeedServer, **settings: object
) -> Path:
    """A configuration of a dripping feed and a hanging one (both cut off at DEADLINE, two
    requests at a time to their origin) beside the healthy feeds, with `settings` added."""
    urls = {"drip": hostile.route("/drip", drip), "hang": hostile.route("/hang", never_answer)}
    urls |= {n: feeds.set(f"{n}.xml", rss(n, [quiet_item(n)])) for n in HEALTHY}
    config = write_config(tmp_path, urls)
    slow_polling(
        config,
        timeout_seconds=DEADLINE,
        deadline_seconds=DEADLINE,
        per_host_concurrency=2,
        **settings,
    )
    return config


def test_poll_processes_healthy_feeds_while_slow_ones_are_still_in_flight(
    tmp_path: Path, feeds: FeedServer
) -> None:
    drip = Drip(lambda: feed_rows(tmp_path))
    with hostile_server() as hostile:
        config = slow_and_healthy(tmp_path, hostile, drip, feeds, interval_seconds=10)
        result = run(config, "poll", "--once")

    assert result.exit_code == 0, result.output
    [mid_drip] = drip.seen
    assert isinstance(mid_drip, dict)
    for name in HEALTHY:
        assert mid_drip[name][0] is not None, f"{name} waited for the slow feeds"
    rows = feed_rows(tmp_path)
    assert rows["drip"][2] == f"timed out after {DEADLINE:g}s"
    checked, retry_at = as_time(rows["drip"][0]), as_time(rows["drip"][1])
    # backoff from a 10 s interval: 5 to 10 s, counted from the end of a fetch of 4 s
    assert retry_at - checked >= timedelta(seconds=DEADLINE + 5)


def test_the_daemon_checks_healthy_feeds_again_while_a_slow_one_is_in_flight(
    tmp_path: Path, feeds: FeedServer
) -> None:
    drip = Drip(lambda: {n: len(feeds.hits(f"{n}.xml")) for n in HEALTHY})
    with hostile_server() as hostile:
        config = load_config(slow_and_healthy(tmp_path, hostile, drip, feeds, tick_seconds=0.2))

        async def scenario() -> None:
            async with Daemon.open(config) as daemon:
                stop = asyncio.Event()
                task = asyncio.create_task(daemon.run(stop))
                while not drip.seen:  # every feed is due again at every tick
                    await asyncio.to_thread(daemon.store.make_all_due, utcnow())
                    await asyncio.sleep(0.2)
                    assert not task.done(), task
                stop.set()
                await task

        asyncio.run(scenario())

    [checks_mid_drip] = drip.seen[:1]
    assert isinstance(checks_mid_drip, dict)
    for name in HEALTHY:
        checks = checks_mid_drip[name]
        assert checks >= 3, f"{name} was checked {checks} times while the slow feed was held"


LOCKER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], timeout=0)
sys.stdin.readline()
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.rollback()
"""


@pytest.mark.sqlite_only("another process holds SQLite's write lock")
def test_a_database_locked_by_another_process_delays_storage_not_fetches(
    tmp_path: Path,
) -> None:
    """`first` answers at once and, as it does, another process takes the write lock for 5 s;
    the other feeds answer half a second later, well within their 2 s deadline. Storing
    `first` waits for the lock; the fetches in flight meanwhile must not time out."""
    database = tmp_path / "data" / "monitor.sqlite3"
    config = write_config(tmp_path, {})
    run(config, "feeds")  # creates the database
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(database), "5"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    body = rss("Wire", [quiet_item("wire")]).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/first.xml":
                assert locker.stdin is not None and locker.stdout is not None
                locker.stdin.write("go\n")
                locker.stdin.flush()
                assert locker.stdout.readline().strip() == "locked"
            else:
                threading.Event().wait(0.5)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    try:
        with serve_on_loopback(Handler) as port:
            names = ["first", *(f"later-{n}" for n in range(4))]
            urls = {n: f"http://127.0.0.1:{port}/{n}.xml" for n in names}
            config = write_config(tmp_path, urls)
            slow_polling(config, timeout_seconds=2, deadline_seconds=2, per_host_concurrency=10)
            result = run(config, "poll", "--once")
    finally:
        locker.communicate(timeout=30)  # waits, and closes its pipes

    assert locker.returncode == 0
    assert result.exit_code == 0, result.output
    rows = feed_rows(tmp_path)
    assert {name: row[2] for name, row in rows.items()} == dict.fromkeys(names)
    assert "5 feeds checked, 5 new entries" in result.output
