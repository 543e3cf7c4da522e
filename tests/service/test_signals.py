"""`monitor run` and its signals, in a real process: SIGHUP reloads the configuration (a bad
one is rejected and the running one kept), SIGTERM lets in-flight fetches finish within the
grace period and exits 0."""

from __future__ import annotations

import signal
from pathlib import Path

from daemon_process import STARTUP_SECONDS, daemon_process, notify_socket, wait_until
from end_to_end import FIRST, SECOND
from feed_server import FeedServer
from helpers import rss, store_url, stored_rows, write_config


def with_daemon_settings(config: Path, daemon: str, polling: str = "") -> Path:
    """Add a [daemon] table, and settings at the top of [polling], to a written config."""
    text = config.read_text(encoding="utf-8").replace("[polling]\n", f"[polling]\n{polling}")
    config.write_text(text + f"\n[daemon]\n{daemon}\n", encoding="utf-8")
    return config


def test_sighup_adds_a_feed_and_a_bad_configuration_keeps_the_running_one(
    tmp_path: Path, feeds: FeedServer
) -> None:
    wire = feeds.set("wire.xml", rss("Example Wire", [FIRST]))
    valley = feeds.set("valley.xml", rss("Valley Post", [SECOND]))
    config = write_config(tmp_path, {"wire": wire})
    with (
        notify_socket(tmp_path, abstract=True) as notify,
        daemon_process(
            config, tmp_path / "daemon.log", env={"NOTIFY_SOCKET": notify.env_value}
        ) as daemon,
    ):
        assert notify.wait_for("READY", STARTUP_SECONDS), daemon.log
        assert wait_until(lambda: feeds.hits("wire.xml"), 30), daemon.log

        write_config(tmp_path, {"wire": wire, "valley": valley})
        mark = len(notify.received())
        daemon.send(signal.SIGHUP)
        assert wait_until(lambda: feeds.hits("valley.xml"), 30), daemon.log
        assert daemon.wait_for_log("event=config_reloaded")
        reloading = notify.wait_for("RELOADING", 5, since=mark)
        assert reloading is not None and int(reloading["MONOTONIC_USEC"]) > 0
        assert notify.wait_for("READY", 5, since=notify.index(reloading) + 1)

        broken = write_config(tmp_path, {"other": feeds.url("other.xml")})
        broken.write_text(
            broken.read_text(encoding="utf-8").replace("[polling]\n", "[polling]\nconcurency = 3\n")
        )
        daemon.send(signal.SIGHUP)
        assert daemon.wait_for_log("event=reload_rejected"), daemon.log
        assert daemon.process.poll() is None, daemon.log
        daemon.send(signal.SIGTERM)
        assert daemon.wait(60) == 0, daemon.log

    log = daemon.log
    assert 'problem="polling.concurency: unknown key"' in log
    database = store_url(tmp_path)
    enabled = stored_rows(database, "SELECT name FROM feeds WHERE enabled ORDER BY name")
    assert enabled == [("valley",), ("wire",)]  # the rejected file would have disabled both
    assert not feeds.hits("other.xml")
    titles = {row[0] for row in stored_rows(database, "SELECT title FROM articles")}
    assert titles == {FIRST.title, SECOND.title}


def test_sigterm_lets_a_slow_fetch_finish_and_keeps_what_it_brought(
    tmp_path: Path, feeds: FeedServer
) -> None:
    slow = feeds.set("slow.xml", rss("Slow Wire", [FIRST]), delay=3.0)
    config = with_daemon_settings(
        write_config(tmp_path, {"slow": slow}), "shutdown_grace_seconds = 30"
    )
    with daemon_process(config, tmp_path / "daemon.log") as daemon:
        assert wait_until(lambda: feeds.in_flight == 1, STARTUP_SECONDS), daemon.log
        daemon.send(signal.SIGTERM)
        assert daemon.wait(60) == 0, daemon.log
    log = daemon.log
    assert "event=daemon_stopping in_flight=" in log
    assert "event=daemon_stopped cancelled=0" in log, log
    assert "Traceback" not in log
    database = store_url(tmp_path)
    assert stored_rows(database, "SELECT title FROM articles") == [(FIRST.title,)]
    assert stored_rows(database, "SELECT claimed_by FROM feeds") == [(None,)]


def test_sigterm_with_a_hanging_fetch_exits_within_the_grace_period(
    tmp_path: Path, feeds: FeedServer
) -> None:
    """The feed answers after 120 s and the fetch would wait for it (timeouts of 150 s); with a
    grace period of 1 s the daemon cancels it and exits long before."""
    hanging = feeds.set("hanging.xml", rss("Hanging Wire", [FIRST]), delay=120.0)
    config = with_daemon_settings(
        write_config(tmp_path, {"hanging": hanging}),
        "shutdown_grace_seconds = 1",
        polling="deadline_seconds = 300\n",
    )
    config.write_text(config.read_text().replace("timeout_seconds = 5", "timeout_seconds = 150"))
    with daemon_process(config, tmp_path / "daemon.log") as daemon:
        assert wait_until(lambda: feeds.in_flight == 1, STARTUP_SECONDS), daemon.log
        daemon.send(signal.SIGTERM)
        assert daemon.wait(60) == 0, daemon.log
    log = daemon.log
    assert "event=job_cancelled job=tick" in log, log
    assert "event=daemon_stopped cancelled=1 released_feeds=1" in log, log
    database = store_url(tmp_path)
    assert stored_rows(database, "SELECT claimed_by FROM feeds") == [(None,)]
    assert stored_rows(database, "SELECT count(*) FROM articles") == [(0,)]


def test_a_second_sigterm_cuts_the_grace_period_short(tmp_path: Path, feeds: FeedServer) -> None:
    hanging = feeds.set("hanging.xml", rss("Hanging Wire", [FIRST]), delay=120.0)
    config = with_daemon_settings(
        write_config(tmp_path, {"hanging": hanging}),
        "shutdown_grace_seconds = 600",
        polling="deadline_seconds = 300\n",
    )
    config.write_text(config.read_text().replace("timeout_seconds = 5", "timeout_seconds = 150"))
    with daemon_process(config, tmp_path / "daemon.log") as daemon:
        assert wait_until(lambda: feeds.in_flight == 1, STARTUP_SECONDS), daemon.log
        daemon.send(signal.SIGTERM)
        assert daemon.wait_for_log("event=daemon_stopping")
        daemon.send(signal.SIGINT)
        assert daemon.wait(60) == 0, daemon.log
    assert "event=shutdown_hurried in_flight=1" in daemon.log
