"""What a loaded configuration needs before it can run, beyond being valid: feeds to poll,
channel URLs apprise can use, the secrets they name, a writable data directory and a database
that opens and is sound. `monitor check-config` reports all of it, one line each (what, where,
what to do); `poll` and `run` refuse to start on the first three kinds of problem.

Read-only commands need none of this: they load the file and open the database.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from monitor.config import DATA_DIR_VARIABLE, Config

Level = Literal["ok", "warning", "error"]
CHECK_SECONDS = 5  # the longest a lock or a database server is waited for
LOW_SPACE_BYTES = 100 * 1024 * 1024
NO_FEEDS = (
    "feeds: no [[feeds]] configured; `poll` and `run` need at least one (the read-only"
    " commands work without)"
)


@dataclass(frozen=True, slots=True)
class Finding:
    level: Level
    text: str


def startup_problems(config: Config) -> list[str]:
    """`KEY: reason` lines that stop `poll` and `run`: no feeds, or a channel URL (whose
    secrets are all set) that apprise cannot use."""
    problems = [] if config.feeds else [NO_FEEDS]
    if model := config.extract.model_problem(config.base_dir):
        problems.append(model)
    if config.channels:
        from monitor.alert.deliver import check_url

        for i, channel in enumerate(config.channels):
            if channel.unusable_reason is None and (error := check_url(channel.url)):
                problems.append(f'channels[{i + 1}] (name = "{channel.name}").url: {error}')
    return problems


def missing_secret_warnings(config: Config) -> list[str]:
    """One line per channel that cannot send because variables in its URL are not set."""
    return [
        f"{reason}; its deliveries fail (and are retried) until the environment has them"
        for channel in config.channels
        if (reason := channel.unusable_reason)
    ]


def check(config: Config, config_path: Path, *, offline: bool) -> list[Finding]:
    """Everything `monitor check-config` reports, in order. `offline` is for a file checked
    away from where it runs: missing channel secrets are warnings, not errors, and no
    database server is contacted."""
    problems = startup_problems(config)
    findings = [Finding("error", f"{config_path}: {problem}") for problem in problems]
    if not problems:
        findings.append(Finding("ok", f"{config_path}: OK — {_counts(config)}"))
    secrets: Level = "warning" if offline else "error"
    findings += [Finding(secrets, line) for line in missing_secret_warnings(config)]
    findings += _storage_findings(config, offline=offline)
    return findings


def _counts(config: Config) -> str:
    return (
        f"{len(config.feeds)} feeds, {len(config.entities)} entities, {len(config.watches)}"
        f" watches, {len(config.channels)} channels"
    )


def _storage_findings(config: Config, *, offline: bool) -> Iterator[Finding]:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    url = config.database_url()
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        yield Finding("error", f"database: [storage] url is not a SQLAlchemy URL ({exc})")
        return
    shown = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() != "sqlite":
        yield _server_finding(url, shown, offline=offline)
        return
    if not parsed.database or parsed.database == ":memory:":
        yield Finding("ok", f"database {shown}: in memory, nothing is kept")
        return
    file = Path(parsed.database)
    yield _directory_finding(file.parent, explicit_url=bool(config.storage.url))
    yield _sqlite_finding(file, shown)


def _directory_finding(path: Path, *, explicit_url: bool) -> Finding:
    """Whether the data directory exists (or can be created) and a file can be written in it."""
    where = f"data directory {path}"
    todo = (
        "or point [storage] url at another file"
        if explicit_url
        else f"or set [storage] data_dir (or ${DATA_DIR_VARIABLE}) to another directory"
    )
    existing = next(p for p in (path, *path.parents) if p.exists())
    if not existing.is_dir():
        return Finding("error", f"{where}: {existing} is not a directory; move it, {todo}")
    try:
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as exc:
        verb = "is not writable" if existing == path else f"cannot be created in {existing}"
        return Finding(
            "error",
            f"{where}: {verb} ({exc.strerror or exc}) for user {_user()}; give this user write"
            f" access, {todo}",
        )
    free = shutil.disk_usage(existing).free
    state = "writable" if existing == path else "will be created"
    if free < LOW_SPACE_BYTES:
        return Finding(
            "warning",
            f"{where}: {state}, but only {free // (1024 * 1024)} MiB free; free some space, {todo}",
        )
    return Finding("ok", f"{where}: OK ({state}, {free / 1024**3:.1f} GiB free)")


def _user() -> str:
    try:
        return f"uid {os.getuid()}"
    except AttributeError:  # not on POSIX
        return "running monitor"


def _sqlite_finding(file: Path, shown: str) -> Finding:
    """The SQLite file opened read-only and checked with PRAGMA quick_check."""
    where = f"database {shown}"
    if not file.exists():
        return Finding("ok", f"{where}: not created yet (`poll`, `run` or `replay` creates it)")
    try:
        connection = sqlite3.connect(
            f"{file.absolute().as_uri()}?mode=ro", uri=True, timeout=CHECK_SECONDS
        )
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return Finding("error", f"{where}: {_sqlite_trouble(exc)}")
    if [tuple(row) for row in rows] != [("ok",)]:
        first = str(rows[0][0]) if rows else "no answer"
        return Finding("error", f"{where}: damaged (quick_check: {first}); {_RESTORE}")
    return Finding("ok", f"{where}: OK (PRAGMA quick_check: ok)")


_RESTORE = "restore it from a backup, or move it aside to start a new one"


def _sqlite_trouble(exc: sqlite3.DatabaseError) -> str:
    reason = str(exc)
    if "locked" in reason or "busy" in reason:
        return (
            f"locked by another process for over {CHECK_SECONDS} s ({reason}); find what holds"
            " it (a stuck command, a backup tool) and stop it"
        )
    if isinstance(exc, sqlite3.OperationalError):
        return f"cannot be opened ({reason}); check the file's and its directory's permissions"
    return f"not a SQLite database or damaged ({reason}); {_RESTORE}"


def _server_finding(url: str, shown: str, *, offline: bool) -> Finding:
    """A connection to a database server (PostgreSQL), unless offline."""
    where = f"database {shown}"
    if offline:
        return Finding("ok", f"{where}: not contacted (--offline)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import SQLAlchemyError

    try:
        engine = create_engine(url, connect_args={"connect_timeout": CHECK_SECONDS})
    except (ModuleNotFoundError, SQLAlchemyError) as exc:
        return Finding(
            "error",
            f"{where}: no driver for it ({exc}); install it (for PostgreSQL: monitor[postgres])",
        )
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return Finding(
            "error",
            f"{where}: cannot connect ({reason}); check [storage] url, that the server runs and"
            " that it accepts this user",
        )
    finally:
        engine.dispose()
    return Finding("ok", f"{where}: OK (connected)")
