"""`monitor check-config` checks what a configuration needs to run, one line each: the file, its
channels and their secrets, the data directory and the database (real SQLite files, a second
process holding the lock, the real PostgreSQL server and a port nothing listens on); `poll` and
`run` refuse a configuration with nothing to poll."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import BACKEND, store_url, write_config
from postgres_support import SERVER
from smtp_server import closed_port

import monitor.config.check
from monitor.cli import main
from monitor.store import Store

FEEDS = {"wire": "https://wire.example.com/rss"}
SQLITE_ONLY = "the data directory and the SQLite file are SQLite's"


def _cli(config: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--config", str(config), *args])


def _lines(result: Result) -> list[str]:
    return result.output.splitlines()


def test_a_good_file_gets_one_ok_line_per_check(tmp_path: Path) -> None:
    config = write_config(tmp_path, FEEDS)
    first = _cli(config, "check-config")
    assert first.exit_code == 0, first.output
    assert _lines(first)[0] == f"{config}: OK — 1 feeds, 4 entities, 1 watches, 0 channels"
    Store.open(store_url(tmp_path)).close()
    second = _cli(config, "check-config")
    assert second.exit_code == 0, second.output
    if BACKEND == "sqlite":
        data = tmp_path / "data"
        assert _lines(first)[1].startswith(f"data directory {data}: OK (will be created, ")
        assert _lines(first)[2].endswith(
            "monitor.sqlite3: not created yet (`poll`, `run` or `replay` creates it)"
        )
        assert _lines(second)[1].startswith(f"data directory {data}: OK (writable, ")
        assert _lines(second)[2] == (
            f"database sqlite:///{data / 'monitor.sqlite3'}: OK (PRAGMA quick_check: ok)"
        )
    else:
        assert _lines(second)[1].endswith(": OK (connected)"), second.output


def test_errors_in_the_file_exit_2_naming_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[feeds]]\nname = "a"\nurl = "gopher://old"\n', encoding="utf-8")
    result = _cli(path, "check-config")
    assert result.exit_code == 2
    assert f'{path}: feeds[1] (name = "a").url: must be an http' in result.output


def test_a_channel_url_apprise_cannot_use_is_an_error(tmp_path: Path) -> None:
    path = write_config(tmp_path, FEEDS, channels={"odd": "nosuchscheme://x"})
    result = _cli(path, "check-config")
    assert result.exit_code == 2
    assert f'monitor: {path}: channels[1] (name = "odd").url: apprise cannot use' in result.output


@pytest.mark.sqlite_only("an empty configuration keeps its data in a SQLite file")
def test_an_empty_configuration_runs_nothing_but_serves_the_read_only_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "monitor.toml"
    config.write_text("", encoding="utf-8")
    state = tmp_path / "state"
    monkeypatch.setenv("MONITOR_DATA_DIR", str(state))
    for command in (["poll", "--once"], ["run"], ["check-config"], ["check-config", "--offline"]):
        result = _cli(config, *command)
        assert result.exit_code == 2, (command, result.output)
        assert f"{config}: feeds: no [[feeds]] configured; `poll` and `run` need at least one" in (
            result.output
        )
    assert not state.exists(), "a refused poll made a data directory"
    facts = _cli(config, "facts")
    assert facts.exit_code == 0, facts.output
    assert (state / "monitor.sqlite3").exists()


@pytest.mark.sqlite_only(SQLITE_ONLY)
def test_a_data_directory_that_cannot_be_created_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a directory should be", encoding="utf-8")
    config = write_config(tmp_path, FEEDS, extra="")
    text = config.read_text(encoding="utf-8").replace(str(tmp_path / "data"), str(blocker / "data"))
    config.write_text(text, encoding="utf-8")
    result = _cli(config, "check-config")
    assert result.exit_code == 2
    assert (
        f"monitor: data directory {blocker / 'data'}: {blocker} is not a directory; move it, or"
        " set [storage] data_dir (or $MONITOR_DATA_DIR) to another directory"
    ) in _lines(result)


def _unwritable_directory(tmp_path: Path) -> Path:
    """A directory this user cannot create files in: one made read-only, or for root (who may
    write anywhere else) sysfs, where no one can."""
    if os.name == "posix" and os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        return locked
    if Path("/sys/kernel").is_dir():
        return Path("/sys")
    pytest.skip("no directory here that this user cannot write to")


@pytest.mark.sqlite_only(SQLITE_ONLY)
def test_a_data_directory_in_a_read_only_place_is_named(tmp_path: Path) -> None:
    parent = _unwritable_directory(tmp_path)
    config = write_config(tmp_path, FEEDS)
    text = config.read_text(encoding="utf-8").replace(str(tmp_path / "data"), str(parent / "data"))
    config.write_text(text, encoding="utf-8")
    try:
        result = _cli(config, "check-config")
    finally:
        if parent.is_relative_to(tmp_path):
            parent.chmod(0o700)  # so that pytest can remove it
    assert result.exit_code == 2
    [line] = [line for line in _lines(result) if line.startswith("monitor: data directory")]
    assert line.startswith(
        f"monitor: data directory {parent / 'data'}: cannot be created in {parent} ("
    )
    assert line.endswith(
        "give this user write access, or set [storage] data_dir (or $MONITOR_DATA_DIR) to"
        " another directory"
    )


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A configuration and the real monitor database it names, schema and all."""
    config = write_config(tmp_path, FEEDS)
    database = tmp_path / "data" / "monitor.sqlite3"
    Store.open(f"sqlite:///{database}").close()
    yield config, database


@pytest.mark.sqlite_only(SQLITE_ONLY)
def test_a_damaged_database_is_named_with_what_to_do(sqlite_file: tuple[Path, Path]) -> None:
    config, database = sqlite_file
    with database.open("r+b") as file:
        file.seek(4096 * 5)
        file.write(b"\x5a" * 4096 * 3)
    result = _cli(config, "check-config")
    assert result.exit_code == 2
    assert (
        f"monitor: database sqlite:///{database}: not a SQLite database or damaged (database disk"
        " image is malformed); restore it from a backup, or move it aside to start a new one"
    ) in _lines(result)


@pytest.mark.sqlite_only(SQLITE_ONLY)
def test_a_file_that_is_no_database_is_named(sqlite_file: tuple[Path, Path]) -> None:
    config, database = sqlite_file
    database.write_bytes(b"these are not the pages of a database\n" * 200)
    result = _cli(config, "check-config")
    assert result.exit_code == 2
    assert "not a SQLite database or damaged (file is not a database)" in result.output


@pytest.mark.sqlite_only(SQLITE_ONLY)
def test_a_database_locked_by_another_process_is_named(
    sqlite_file: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    config, database = sqlite_file
    monkeypatch.setattr(monitor.config.check, "CHECK_SECONDS", 0.3)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        result = _cli(config, "check-config")
    finally:
        holder.communicate("")
    assert result.exit_code == 2
    assert (
        f"monitor: database sqlite:///{database}: locked by another process for over 0.3 s"
        " (database is locked); find what holds it"
    ) in result.output
    assert _cli(config, "check-config").exit_code == 0  # the lock is gone: all is well


_HOLD_LOCK = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA locking_mode=EXCLUSIVE")
connection.execute("BEGIN EXCLUSIVE")
connection.execute("CREATE TABLE IF NOT EXISTS held (x)")
print("locked", flush=True)
sys.stdin.read()
"""


def test_a_database_server_that_does_not_answer_is_named_unless_offline(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://monitor:secret@127.0.0.1:{closed_port()}/monitor"
    config = write_config(tmp_path, FEEDS, database_url=url)
    shown = url.replace(":secret@", ":***@")
    online = _cli(config, "check-config")
    assert online.exit_code == 2
    [line] = [line for line in _lines(online) if line.startswith("monitor: database")]
    assert line.startswith(f"monitor: database {shown}: cannot connect (")
    assert line.endswith("check [storage] url, that the server runs and that it accepts this user")
    assert "secret" not in online.output
    offline = _cli(config, "check-config", "--offline")
    assert offline.exit_code == 0, offline.output
    assert f"database {shown}: not contacted (--offline)" in _lines(offline)


def test_missing_channel_secrets_fail_the_check_but_not_the_offline_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SMTP_PASSWORD", raising=False)
    url = "mailto://desk:${SMTP_PASSWORD}@127.0.0.1:2525?from=m@example.org&to=d@example.org"
    config = write_config(tmp_path, FEEDS, channels={"email": url})
    reason = "channel 'email': environment variable SMTP_PASSWORD is not set"
    online = _cli(config, "check-config")
    assert online.exit_code == 2
    assert f"monitor: {reason}; its deliveries fail (and are retried) until" in online.output
    offline = _cli(config, "check-config", "--offline")
    assert offline.exit_code == 0, offline.output
    assert f"warning: {reason}; its deliveries fail (and are retried) until" in offline.output
    monkeypatch.setenv("SMTP_PASSWORD", "pw")
    assert _cli(config, "check-config").exit_code == 0


def test_a_database_check_finds_the_real_server(tmp_path: Path) -> None:
    config = write_config(tmp_path, FEEDS, database_url=SERVER)
    result = _cli(config, "check-config")
    assert result.exit_code == 0, result.output
    assert _lines(result)[-1].endswith(": OK (connected)")


def test_poll_refuses_a_channel_url_apprise_cannot_use_once_it_is_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PAGER_TOKEN", raising=False)
    config = write_config(
        tmp_path, {}, channels={"pager": "nosuchscheme://x/y", "hook": "json://h/${PAGER_TOKEN}"}
    )
    result = _cli(config, "poll", "--once")
    assert result.exit_code == 2
    assert f'{config}: channels[1] (name = "pager").url: apprise cannot use' in result.output
    assert "hook" not in result.output  # checked only once its URL is complete


@pytest.mark.sqlite_only(SQLITE_ONLY)
def test_the_sqlite_check_changes_nothing(sqlite_file: tuple[Path, Path]) -> None:
    config, database = sqlite_file
    before = database.read_bytes()
    assert _cli(config, "check-config").exit_code == 0
    assert database.read_bytes() == before
