"""Engine creation and schema migrations.

SQLite runs in WAL mode with a busy timeout so that the daemon and a CLI command reading the same
file do not lock each other out: a connection that meets the write lock held by another process
waits up to 30 seconds, or the `timeout` of the URL (`sqlite:///monitor.sqlite3?timeout=5`, the
spelling SQLAlchemy passes to `sqlite3.connect`), before it fails with "database is locked".
Migrations (Alembic) run on every start; they are a no-op when the schema is current.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url

from monitor.config.service import sqlite_busy_timeout

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

MIGRATIONS = Path(__file__).parent / "migrations"
# pg_advisory_lock key held while migrating; any fixed number would do, this one is b"monitor".
MIGRATION_LOCK_KEY = int.from_bytes(b"monitor", "big")
WAL_RETRY_SECONDS = 0.1


def create_db_engine(url: str) -> Engine:
    """An engine for `url`; for a SQLite file, its directory is created and WAL mode is set."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        seconds = sqlite_busy_timeout(url)
        engine = create_engine(url, connect_args={"timeout": seconds})
        event.listen(engine, "connect", partial(_sqlite_pragmas, seconds))
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(busy_seconds: float, dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    _switch_to_wal(cursor, attempts=max(1, round(busy_seconds / WAL_RETRY_SECONDS)))
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={round(busy_seconds * 1000)}")
    cursor.close()


def _switch_to_wal(cursor: sqlite3.Cursor, attempts: int) -> None:
    """Two processes opening a fresh file at once both try to switch it to WAL; SQLite refuses
    one at once (no busy wait: each holds the read lock the other needs to give up), so the
    refused one tries again after a short pause, for about as long as the busy timeout."""
    for attempt in range(attempts):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(WAL_RETRY_SECONDS)


def head_revision() -> str:
    """The newest migration: revisions are numbered like their files (0008_feed_leases.py is
    revision "0008", after "0007"), which tests/store/test_migrations_head.py checks against
    Alembic."""
    return max(path.name.split("_", 1)[0] for path in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, None when it has no monitor tables yet (read-only)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    return ",".join(sorted(row[0] for row in rows)) or None


def alembic_config(connection: Connection) -> AlembicConfig:
    """Alembic's settings, with the connection it migrates through (see migrations/env.py)."""
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision.

    Several instances may start together on one database, so one migrates while the others wait
    and then find the schema current: on PostgreSQL behind an advisory lock, on SQLite behind
    the database's own write lock, taken before Alembic reads the current revision and held
    until the last revision is applied (the whole upgrade is one transaction).

    A database already at the newest revision is left alone without loading Alembic (a tenth
    of a second that every CLI command would pay)."""
    if current_revision(engine) == head_revision():
        return
    from alembic import command

    with engine.connect() as connection, _migration_lock(connection):
        command.upgrade(alembic_config(connection), "head")


@contextmanager
def _migration_lock(connection: Connection) -> Iterator[None]:
    dialect = connection.dialect.name
    if dialect == "postgresql":
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        connection.commit()  # the lock belongs to the session, not to this transaction
        try:
            yield
        finally:
            connection.rollback()
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
            connection.commit()
        return
    if dialect != "sqlite":
        yield
        return
    # Alembic rebuilds a SQLite table to alter a column (copy, drop, rename); with foreign keys
    # on, dropping the old table would cascade to the rows that refer to it. The pragma only
    # takes effect outside a transaction, so it is set before BEGIN and restored after.
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    try:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        yield
    finally:
        connection.rollback()  # nothing left to undo after Alembic's commit
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()
