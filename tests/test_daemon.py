"""`monitor run` as a user runs it: a separate process, stopped with Ctrl-C or SIGTERM."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pytest
from feed_server import FeedServer
from helpers import rss, write_config
from test_end_to_end import FIRST, mail_url


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
    assert "daemon=started feeds=1 watches=1" in log
    assert "daemon=stopped" in log
    assert "Traceback" not in log
    assert {str(m["Subject"]).split(":")[0] for m in smtp[2]} == {
        "[panjshir] New story",
        "[panjshir] Force size",
    }
