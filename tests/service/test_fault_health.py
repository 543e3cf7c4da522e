"""Health that tells the truth: a daemon whose rounds cannot store what they fetch answers
/healthz (and the watchdog) with 503 and the reason, and is healthy again once a round stores
its feeds; every command meets a damaged database or a read-only data directory with one line
saying what, where and what to do, never a traceback."""

from __future__ import annotations

import asyncio
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from end_to_end import FIRST, run
from faults import (
    COMMANDS,
    ENTRIES,
    database_cannot_grow_past,
    market_report,
    only_line,
    page_count,
)
from feed_server import FeedServer
from helpers import rss, write_config

from monitor.config import load_config
from monitor.pipeline import utcnow
from monitor.service.daemon import Daemon
from monitor.store import Store

pytestmark = pytest.mark.sqlite_only("faults of SQLite files and their directory")


async def until(condition: object, task: asyncio.Task[None], seconds: float = 60) -> None:
    for _ in range(int(seconds / 0.05)):
        if callable(condition) and condition():
            return
        assert not task.done(), task
        await asyncio.sleep(0.05)
    raise AssertionError("the daemon never got there")


def test_healthz_and_the_watchdog_fail_while_ticks_cannot_store(
    tmp_path: Path, feeds: FeedServer
) -> None:
    url = feeds.set("markets.xml", rss("Markets", [market_report(n) for n in range(ENTRIES)]))
    extra = '[http]\nenabled = true\nlisten = "127.0.0.1:0"\n'
    path = write_config(tmp_path, {"markets": url}, extra=extra)
    path.write_text(path.read_text().replace("timeout_seconds = 5", "tick_seconds = 0.2"))
    config = load_config(path)
    database = tmp_path / "data" / "monitor.sqlite3"
    Store.open(config.database_url()).close()

    async def scenario() -> tuple[httpx.Response, str | None, httpx.Response, str | None]:
        with database_cannot_grow_past(page_count(database) + 12):
            daemon = Daemon.open(config)
        async with daemon, httpx.AsyncClient(trust_env=False, timeout=30) as client:
            stop = asyncio.Event()
            task = asyncio.create_task(daemon.run(stop))
            await until(lambda: daemon.web is not None and daemon.failing_ticks, task)
            assert daemon.web is not None
            sick = await client.get(f"{daemon.web.url}/healthz")
            watchdog_sick = (await daemon.health()).problem
            daemon.store.engine.dispose()  # room again: connections without the limit
            daemon.store.make_all_due(utcnow())
            await until(lambda: daemon.failing_ticks is None, task)
            well = await client.get(f"{daemon.web.url}/healthz")
            watchdog_well = (await daemon.health()).problem
            stop.set()
            await task
        return sick, watchdog_sick, well, watchdog_well

    sick, watchdog_sick, well, watchdog_well = asyncio.run(scenario())

    assert sick.status_code == 503, sick.text
    assert sick.json()["problem"].startswith("the last tick failed (since ")
    assert sick.json()["problem"].endswith("1 feed not stored: database or disk is full")
    assert watchdog_sick == sick.json()["problem"], "the watchdog hears the same"
    assert (well.status_code, well.json()["status"], watchdog_well) == (200, "ok", None)


def test_a_damaged_database_is_one_line_from_every_command(
    tmp_path: Path, feeds: FeedServer
) -> None:
    config = write_config(tmp_path, {"wire": feeds.set("wire.xml", rss("Wire", [FIRST]))})
    database = tmp_path / "data" / "monitor.sqlite3"
    database.parent.mkdir()
    database.write_bytes(b"not a database, whatever its name says\n" * 200)
    snapshot = tmp_path / "wire.xml"
    snapshot.write_text(rss("Wire", [FIRST]), encoding="utf-8")

    for command in [*COMMANDS, ("replay", str(snapshot))]:
        result = run(config, *command)
        line = only_line(result.output)
        assert result.exit_code == 1, (command, result.output)
        assert f"the database {database} is damaged: file is not a database." in line, command
        assert "restore a backup or recover it" in line, command


@contextmanager
def read_only_directory(path: Path) -> Iterator[Path]:
    """A directory nobody may write to: a read-only tmpfs when running as root (who may write
    anywhere else), else a directory without write permission."""
    path.mkdir()
    if os.geteuid() != 0:
        path.chmod(0o555)
        try:
            yield path
        finally:
            path.chmod(0o755)
        return
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(path)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a read-only tmpfs: {mounted.stderr.decode().strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], check=True)


def test_a_read_only_data_directory_is_one_line_from_every_command(
    tmp_path: Path, feeds: FeedServer
) -> None:
    config = write_config(tmp_path, {"wire": feeds.set("wire.xml", rss("Wire", [FIRST]))})
    with read_only_directory(tmp_path / "ro") as read_only:
        data = read_only / "data"
        config.write_text(config.read_text().replace(str(tmp_path / "data"), str(data)))
        for command in [("poll", "--once"), ("feeds",), ("alerts",), ("run",)]:
            result = run(config, *command)
            line = only_line(result.output)
            assert result.exit_code == 1, (command, result.output)
            assert line.startswith(f"monitor: cannot write {data}: "), (command, line)
            assert f"Make {read_only} writable by the user that runs monitor" in line, command
