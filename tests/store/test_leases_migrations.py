"""Two instances starting together on a fresh database: both must come up, and the schema must
be built once. Each migrating process is a real interpreter; both are held at a gate until both
are ready, then released at the same moment."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from monitor.store import Store
from monitor.store.db import alembic_config, create_db_engine, migrate

ROOT = Path(__file__).resolve().parents[2]

# Waits for a line on stdin (the gate), then migrates; Alembic logs each step it runs.
MIGRATE = """
import logging, sys
from monitor.store.base import open_engine
print("READY", flush=True)
sys.stdin.readline()
logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(message)s")
open_engine(sys.argv[1]).dispose()
print("DONE", flush=True)
"""


def migrate_together(url: str, processes: int = 2) -> list[str]:
    """Start `processes` migrations of `url` at the same moment; return what each printed."""
    children = [
        subprocess.Popen(
            [sys.executable, "-c", MIGRATE, url],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(processes)
    ]
    for child in children:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "READY"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = []
    for child in children:
        output, _ = child.communicate(timeout=120)
        assert child.returncode == 0, output
        outputs.append(output)
    return outputs


def upgrades_run(outputs: list[str], revision: str) -> int:
    return sum(o.count(f"-> {revision},") for o in outputs)


def test_two_instances_migrating_a_fresh_database_together_both_start(db_url: str) -> None:
    outputs = migrate_together(db_url)
    assert all("DONE" in o for o in outputs), outputs
    # Every revision was applied by exactly one of the two: the other found the schema current.
    assert upgrades_run(outputs, "0001") == 1, outputs
    assert upgrades_run(outputs, "0008") == 1, outputs
    store = Store.open(db_url)
    store.sync_feeds([("a", "https://a.example/rss", 600, True)], datetime.now(UTC))
    assert [f.name for f in store.feeds()] == ["a"]
    store.close()


@pytest.mark.sqlite_only("SQLite rebuilds a table to alter a column")
def test_upgrading_an_existing_sqlite_database_keeps_the_rows_of_rebuilt_tables(
    tmp_path: Path,
) -> None:
    """SQLite alters a column by rebuilding the table (copy, drop, rename); migration 0006
    rebuilds `alerts`, and with foreign keys on, dropping the old table would delete every
    outbox row through ON DELETE CASCADE. A queued delivery must survive the upgrade."""
    engine = create_db_engine(f"sqlite:///{tmp_path / 'monitor.sqlite3'}")
    with engine.connect() as connection:
        command.upgrade(alembic_config(connection), "0005")
    when = datetime(2021, 9, 1, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO alerts (dedup_key, kind, watch, title, body, evidence, created_at)"
                " VALUES ('k1', 'new_article', 'panjshir', 'A title', 'A body', '{}', :when)"
            ),
            {"when": when},
        )
        connection.execute(
            text(
                "INSERT INTO deliveries (alert_id, channel, status, attempts, next_attempt_at)"
                " VALUES (1, 'email', 'pending', 0, :when)"
            ),
            {"when": when},
        )
    migrate(engine)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT alert_id, channel, status FROM deliveries")).all()
        foreign_keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
    engine.dispose()
    assert [tuple(r) for r in rows] == [(1, "email", "pending")]
    assert foreign_keys == 1  # back on for the connection's next user
