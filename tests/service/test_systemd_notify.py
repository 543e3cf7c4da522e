"""The sd_notify protocol, from both ends: the daemon under a socket the test binds as systemd
would (by path and in the abstract namespace), and the `Notifier` on its own."""

from __future__ import annotations

import signal
import socket
import sqlite3
import time
from pathlib import Path

import pytest
from daemon_process import STARTUP_SECONDS, daemon_process, notify_socket, wait_until
from end_to_end import FIRST
from feed_server import FeedServer
from helpers import rss, write_config

from monitor.service.sdnotify import Notifier, Watchdog, socket_address, watchdog_from


def feed_names(database: Path) -> list[str]:
    """The feeds stored in the SQLite file, or [] when the file or its schema is not there."""
    if not database.exists():
        return []
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
            return [row[0] for row in db.execute("SELECT name FROM feeds ORDER BY name")]
    except sqlite3.Error:
        return []


@pytest.mark.sqlite_only("holds SQLite's write lock; on PostgreSQL the probe is SELECT 1")
@pytest.mark.parametrize("abstract", [False, True], ids=["path", "abstract"])
def test_ready_after_migration_then_watchdog_only_while_the_database_can_be_written(
    tmp_path: Path, feeds: FeedServer, abstract: bool
) -> None:
    config = write_config(tmp_path, {"wire": feeds.set("wire.xml", rss("Example Wire", [FIRST]))})
    database = tmp_path / "data" / "monitor.sqlite3"
    env = {"WATCHDOG_USEC": "1000000"}  # a ping every 0.5 s while healthy
    with (
        notify_socket(tmp_path, abstract=abstract, snapshot=lambda: feed_names(database)) as notify,
        daemon_process(
            config, tmp_path / "daemon.log", env=env | {"NOTIFY_SOCKET": notify.env_value}
        ) as daemon,
    ):
        ready = notify.wait_for("READY", STARTUP_SECONDS)
        assert ready is not None, daemon.log
        assert ready["READY"] == "1"
        assert notify.snapshot_at(ready) == ["wire"], "READY=1 before the schema and feeds existed"
        assert notify.wait_for("STATUS", 30, since=notify.index(ready) + 1), daemon.log
        assert wait_until(lambda: notify.count("WATCHDOG") >= 3, 30), daemon.log

        blocker = sqlite3.connect(database, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        try:
            time.sleep(1.5)  # a ping already decided may still arrive
            mark = len(notify.received())
            time.sleep(3)  # six pings' worth of time
            assert notify.count("WATCHDOG", since=mark) == 0, daemon.log
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert notify.wait_for("WATCHDOG", 45, since=mark), daemon.log

        daemon.send(signal.SIGTERM)
        assert daemon.wait(60) == 0, daemon.log
        assert notify.wait_for("STOPPING", 5), notify.received()
    assert "event=daemon_unhealthy" in daemon.log
    assert "event=daemon_healthy" in daemon.log


def test_status_reports_the_last_tick(tmp_path: Path, feeds: FeedServer) -> None:
    config = write_config(tmp_path, {"wire": feeds.set("wire.xml", rss("Example Wire", [FIRST]))})
    with (
        notify_socket(tmp_path, abstract=True) as notify,
        daemon_process(
            config, tmp_path / "daemon.log", env={"NOTIFY_SOCKET": notify.env_value}
        ) as daemon,
    ):
        status = notify.wait_for("STATUS", STARTUP_SECONDS, since=1)
        assert status is not None, daemon.log
        daemon.send(signal.SIGTERM)
        assert daemon.wait(60) == 0, daemon.log
    assert "1 checked, 1 new entries" in status["STATUS"]
    assert notify.count("WATCHDOG") == 0  # no WATCHDOG_USEC: no watchdog


def test_socket_addresses() -> None:
    assert socket_address("/run/systemd/notify") == "/run/systemd/notify"
    assert socket_address("@monitor/notify") == b"\0monitor/notify"
    assert socket_address("") is None
    assert socket_address("vsock:2:1234") is None


def test_watchdog_settings_follow_systemd_variables() -> None:
    assert watchdog_from({"WATCHDOG_USEC": "60000000"}, pid=42) == Watchdog(60.0)
    assert watchdog_from({"WATCHDOG_USEC": "60000000", "WATCHDOG_PID": "42"}, pid=42)
    assert watchdog_from({"WATCHDOG_USEC": "60000000", "WATCHDOG_PID": "7"}, pid=42) is None
    assert watchdog_from({"WATCHDOG_USEC": "0"}, pid=42) is None
    assert watchdog_from({}, pid=42) is None
    assert Watchdog(60.0).ping_every == 30.0


def test_notifier_sends_one_datagram_per_state_change(tmp_path: Path) -> None:
    with notify_socket(tmp_path, abstract=False) as notify:
        notifier = Notifier({"NOTIFY_SOCKET": notify.env_value})
        assert notifier.ready("running: 3 feeds")
        assert notifier.reloading()
        assert notifier.ping()
        assert notifier.stopping("stopping")
        assert wait_until(lambda: len(notify.received()) == 4, 5)
    ready, reloading, ping, stopping = notify.received()
    assert ready == {"READY": "1", "STATUS": "running: 3 feeds"}
    assert reloading["RELOADING"] == "1"
    monotonic_now = time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000
    assert 0 < int(reloading["MONOTONIC_USEC"]) <= monotonic_now
    assert ping == {"WATCHDOG": "1"}
    assert stopping == {"STOPPING": "1", "STATUS": "stopping"}


def test_notifier_outside_systemd_or_with_a_dead_socket_never_raises(tmp_path: Path) -> None:
    assert not Notifier({}).enabled
    assert Notifier({}).ready("x") is False
    gone = tmp_path / "gone.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(gone))
    gone.unlink()
    notifier = Notifier({"NOTIFY_SOCKET": str(gone)})
    assert notifier.ping() is False
    assert notifier.last_error is not None and "FileNotFoundError" in notifier.last_error
