"""The engine every store is built on, and how one is opened: SQLAlchemy Core only, so that
the read-only commands (`monitor status`, `feeds`, `facts`, `alerts`) query without loading
the ORM, which `Store` (monitor/store/store.py) adds for the pipeline's writes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from monitor.store.db import create_db_engine, migrate


class EngineBase:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """One transaction to read in (nothing is written, nothing to commit)."""
        with self.engine.connect() as connection:
            yield connection


def open_engine(url: str) -> Engine:
    """Connect and apply migrations."""
    engine = create_db_engine(url)
    migrate(engine)
    return engine
