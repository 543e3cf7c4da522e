"""The database probe behind the watchdog and /healthz, on a real SQLite file."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine

from monitor.lifecycle import DatabaseProbe


def test_callers_arriving_together_share_one_answer(tmp_path: Path) -> None:
    """The watchdog and a /healthz request probing at the same moment both hear "healthy"."""
    engine = create_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    probe = DatabaseProbe(engine, timeout_seconds=5)

    async def together() -> list[str | None]:
        return list(await asyncio.gather(probe.problem(), probe.problem(), probe.problem()))

    try:
        assert asyncio.run(together()) == [None, None, None]
    finally:
        engine.dispose()


def test_a_locked_database_is_reported_to_every_caller(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0.2})
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    probe = DatabaseProbe(engine, timeout_seconds=1)

    async def together() -> list[str | None]:
        return list(await asyncio.gather(probe.problem(), probe.problem()))

    try:
        problems = asyncio.run(together())
    finally:
        holder.rollback()
        holder.close()
        engine.dispose()
    assert all(p is not None and "database" in p for p in problems), problems
