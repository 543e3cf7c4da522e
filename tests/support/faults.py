"""Faults made on purpose: a SQLite database that cannot grow past a size, the reports that
fill it, and the commands whose one-line errors the fault tests compare."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from helpers import Item
from sqlalchemy import Engine, event

COMMANDS = [
    ("poll", "--once"),
    ("feeds",),
    ("stories",),
    ("alerts",),
    ("facts",),
    ("status",),
    ("prune",),
    ("run",),
]
ENTRIES = 300
START = datetime(2021, 6, 1, tzinfo=UTC)


def only_line(output: str) -> str:
    assert "Traceback" not in output, output
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    return lines[0]


def market_report(n: int) -> Item:
    """Entries that match no watch: storing them costs no extraction."""
    return Item(
        guid=f"market-{n}",
        title=f"Market report number {n}",
        body=f"Grain prices moved by {n % 7} percent at the market on day {n}. " * 6,
        link=f"https://markets.example.net/report/{n}",
        published=START + timedelta(minutes=n),
    )


def page_count(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        return int(connection.execute("PRAGMA page_count").fetchone()[0])


@contextmanager
def database_cannot_grow_past(pages: int) -> Iterator[None]:
    """Every SQLite connection opened meanwhile may hold at most `pages` pages."""

    def limit(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(Engine, "connect", limit)
    try:
        yield
    finally:
        event.remove(Engine, "connect", limit)
