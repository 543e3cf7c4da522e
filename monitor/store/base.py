"""The Store: one engine, one session factory, and the queries of each concern (feeds,
articles and facts, alerts and their outbox) mixed in from their own modules."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from monitor.store.db import create_db_engine, migrate


class StoreBase:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._sessions.begin() as session:
            yield session


def open_engine(url: str) -> Engine:
    """Connect and apply migrations."""
    engine = create_db_engine(url)
    migrate(engine)
    return engine
