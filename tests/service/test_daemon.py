"""`monitor run` as a user runs it (a separate process, stopped with Ctrl-C or SIGTERM), and the
daemon's parts in process: reloads between rounds, job tracking, the stall rule."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pytest
from end_to_end import FIRST, SECOND, mail_url
from feed_server import FeedServer
from helpers import rss, write_config

from monitor.config import load_config
from monitor.service.daemon import Daemon
from monitor.service.lifecycle import Jobs, tick_problem


def wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_run_polls_alerts_and_stops_cleanly_on_a_signal(
    tmp_path: Path,
    feeds: FeedServer,
    smtp: tuple[str, int, list[EmailMessage]],
    stop: signal.Signals,
) -> None:
    url = feeds.set("wire.xml", rss("Example Wire", [FIRST]))
    config = write_config(tmp_path, {"wire": url}, channels={"email": mail_url(smtp)})
    daemon = subprocess.Popen(
        [sys.executable, "-m", "monitor", "--config", str(config), "run"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        delivered = wait_for(lambda: len(smtp[2]) >= 2, seconds=60)
        daemon.send_signal(stop)
        _, log = daemon.communicate(timeout=60)
    finally:
        if daemon.poll() is None:
            daemon.kill()
    assert delivered, log
    assert daemon.returncode == 0, log
    assert "event=daemon_started feeds=1 watches=1" in log
    assert "event=daemon_stopped cancelled=0" in log
    assert "Traceback" not in log
    assert {str(m["Subject"]).split(":")[0] for m in smtp[2]} == {
        "[panjshir] New story",
        "[panjshir] Force size",
    }


def test_a_reload_never_reaches_a_round_already_running(tmp_path: Path, feeds: FeedServer) -> None:
    """The round in flight when the configuration is reloaded finishes with the old one (its
    alerts name the old watch); the next round uses the new one in full."""
    slow = feeds.set("wire.xml", rss("Example Wire", [FIRST]), delay=1.0)
    config = write_config(tmp_path, {"wire": slow})

    async def scenario() -> tuple[set[str], set[str]]:
        async with Daemon.open(load_config(config)) as daemon:
            round_in_flight = asyncio.create_task(daemon.poll_round())
            while feeds.in_flight == 0:
                await asyncio.sleep(0.02)
            config.write_text(config.read_text().replace('name = "panjshir"', 'name = "valley"'))
            assert await daemon.reload(config)
            before = {a.watch for r in await round_in_flight for a in r.alerts}
            feeds.set("wire.xml", rss("Example Wire", [FIRST, SECOND]))
            after = {a.watch for r in await daemon.poll_round(all_feeds=True) for a in r.alerts}
            return before, after

    before, after = asyncio.run(scenario())
    assert before == {"panjshir"}
    assert after == {"valley"}


def test_a_tick_counts_as_progress_only_when_it_completes() -> None:
    assert tick_problem(now=1000.0, progress_at=900.0, stall_seconds=300) is None
    problem = tick_problem(now=1000.0, progress_at=600.0, stall_seconds=300)
    assert problem == "no tick has completed for 400 s (limit 300 s)"


def test_jobs_record_success_and_drain_cancels_after_the_grace_period() -> None:
    now = [100.0]
    jobs = Jobs(clock=lambda: now[0])
    release = asyncio.Event()

    async def quick() -> None:
        now[0] = 160.0

    async def stuck() -> None:
        await release.wait()

    async def failing() -> None:
        raise RuntimeError("database is locked")

    async def scenario() -> int:
        await jobs.track("tick", quick)()
        await jobs.track("tick", failing)()  # logged, not raised, and no progress
        task = asyncio.create_task(jobs.track("deliver", stuck)())
        await asyncio.sleep(0)
        assert jobs.is_running("deliver") and not jobs.is_running("tick")
        cancelled = await jobs.drain(grace_seconds=0.05)
        assert task.done() and not jobs.running
        return cancelled

    assert asyncio.run(scenario()) == 1
    assert jobs.progress_at("tick") == 160.0
    assert jobs.progress_at("deliver") == 100.0  # never completed: the start counts
