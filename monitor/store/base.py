"""The Store's base: the engine (monitor/store/reading.py) and a session factory for the
queries of each concern (feeds, articles and facts, alerts and their outbox) that write through
the ORM."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from monitor.store.reading import EngineBase
from monitor.store.reading import open_engine as open_engine


class StoreBase(EngineBase):
    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._sessions.begin() as session:
            yield session
