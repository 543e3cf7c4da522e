"""The database probe behind the watchdog and /healthz, on the test run's real database."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from helpers import store_url
from sqlalchemy import create_engine

from monitor.service.lifecycle import DatabaseProbe
from monitor.store.db import create_db_engine


def test_callers_arriving_together_share_one_answer(tmp_path: Path) -> None:
    """The watchdog and a /healthz request probing at the same moment both hear "healthy"."""
    engine = create_db_engine(store_url(tmp_path))
    probe = DatabaseProbe(engine, timeout_seconds=5)

    async def together() -> list[str | None]:
        return list(await asyncio.gather(probe.problem(), probe.problem(), probe.problem()))

    try:
        assert asyncio.run(together()) == [None, None, None]
    finally:
        engine.dispose()


@pytest.mark.sqlite_only("holds SQLite's write lock; on PostgreSQL the probe is SELECT 1")
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
