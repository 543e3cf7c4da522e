"""What the delivery tests share: a configuration with channels and [delivery] settings, a
real SQLite store, alerts queued the way the pipeline queues them, and a clock the test moves.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from helpers import storage_table

from monitor.config import Config, parse_config
from monitor.pipeline.delivery import Outbox
from monitor.records import Alert, Quote
from monitor.store import Store

START = datetime(2031, 3, 1, 8, 0, tzinfo=UTC)  # after any wall-clock time a CLI command writes
FROM_TO = "from=monitor@example.org&to=desk@example.org"
LEASE_SECONDS = 2
DELIVERY = f"\n[delivery]\ntimeout_seconds = 1\nlease_seconds = {LEASE_SECONDS}\n"


@dataclass
class Clock:
    """The time as the code under test sees it; only the test moves it."""

    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


def mail_url(host: str, port: int) -> str:
    return f"mailto://{host}:{port}?{FROM_TO}"


def make_config(
    tmp: Path, channels: dict[str, str], *, fmt: str = "text", **delivery: Any
) -> Config:
    """A configuration with the given channels (name -> apprise URL) and [delivery] values."""
    raw = {
        "storage": storage_table(tmp),
        "delivery": {"timeout_seconds": 5, "lease_seconds": 60, **delivery},
        "channels": [{"name": n, "url": u, "format": fmt} for n, u in channels.items()],
    }
    return parse_config(raw, tmp / "monitor.toml", {})


def alert(n: int, channels: Iterable[str]) -> Alert:
    return Alert(
        kind="changed",
        watch="panjshir",
        title=f"Force size changed, report {n}",
        body=f"Report {n}: the resistance now counts about {1000 + n} fighters.",
        channels=tuple(channels),
        evidence=(
            Quote(
                f"About {1000 + n} fighters, a spokesman said.", f"https://n.example/{n}", "Wire"
            ),
        ),
        before="at most 900 fighters",
        after=f"about {1000 + n} fighters",
        dedup_key=f"test-alert-{n}",
    )


def queue(store: Store, count: int, channels: Iterable[str], now: datetime = START) -> list[int]:
    """Queue `count` alerts, each to every channel, as ingest does; returns their ids."""
    ids = []
    channels = tuple(channels)
    with store.session() as session:
        for n in range(count):
            alert_id = store.add_alert(session, alert(n, channels), now, queue=True)
            assert alert_id is not None
            ids.append(alert_id)
    return ids


def outbox(config: Config, store: Store, clock: Clock, instance: str = "test-a") -> Outbox:
    return Outbox(config, store, clock=clock, rng=random.Random(7), instance_id=instance)


def open_store(config: Config) -> Store:
    return Store.open(config.database_url())


class Freezer:
    """Stops the daemon (SIGSTOP) the first time the SMTP server calls it."""

    def __init__(self) -> None:
        self.pid: int | None = None
        self.frozen = threading.Event()

    def __call__(self, *_: object) -> None:
        if self.pid is not None and not self.frozen.is_set():
            os.kill(self.pid, signal.SIGSTOP)
            self.frozen.set()


def _monitor(config: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "monitor", "--config", str(config), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _kill_when_frozen(daemon: subprocess.Popen[str], freezer: Freezer) -> None:
    try:
        assert freezer.frozen.wait(60), "the daemon never reached the SMTP server"
    finally:
        daemon.kill()  # SIGKILL, also delivered to a stopped process
        daemon.communicate(timeout=30)
    assert daemon.returncode == -signal.SIGKILL
