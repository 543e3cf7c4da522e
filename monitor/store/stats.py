"""Counts for `monitor status` and the /metrics gauges: read-only, a few aggregate queries each,
so that they can run while a daemon writes to the same database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql import ColumnElement

from monitor.store.base import StoreBase
from monitor.store.db import current_revision, head_revision
from monitor.store.models import AlertRow, Article, Delivery, FactRow, Feed, Story

# Delivery rows that are done with, one way or another; the others are waiting to go out.
FINAL_STATUSES = ("sent", "failed", "digested")


@dataclass(frozen=True, slots=True)
class Activity:
    """What happened since a moment (the start of the day, for `monitor status`)."""

    since: datetime
    entries: int
    stories: int
    facts: dict[str, int] = field(default_factory=dict)  # by what the diff called them
    alerts: int = 0
    sent: int = 0


class StatsQueries(StoreBase):
    def ping(self) -> None:
        """Raise if the database does not answer."""
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def schema_problem(self) -> str | None:
        """None when the schema is the one this code expects (without changing anything, as
        migrating would), else what is wrong."""
        head = head_revision()
        current = current_revision(self.engine)
        if current == head:
            return None
        if current is None:
            return "no monitor tables yet (the daemon, `monitor poll` or `replay` creates them)"
        return f"schema revision {current}, this version of monitor needs {head} (start the daemon)"

    @property
    def backend(self) -> str:
        """The database's kind: sqlite, postgresql."""
        return self.engine.dialect.name

    def activity_since(self, since: datetime) -> Activity:
        with self.session() as s:
            rows = s.execute(
                select(FactRow.change, func.count())
                .where(FactRow.observed_at >= since)
                .group_by(FactRow.change)
            )
            facts = {change: int(n) for change, n in rows}
            return Activity(
                since=since,
                entries=_count(s, Article.id, Article.fetched_at >= since),
                stories=_count(s, Story.id, Story.created_at >= since),
                facts=facts,
                alerts=_count(s, AlertRow.id, AlertRow.created_at >= since),
                sent=_count(
                    s,
                    Delivery.id,
                    Delivery.status.in_(("sent", "digested")),
                    Delivery.sent_at >= since,
                ),
            )

    def delivery_counts(self) -> dict[str, int]:
        """Outbox rows by state. A row waiting for a reason (quiet hours, a digest, a rate
        limit) counts as `held`, not under its status, so that `pending` is the real queue."""
        held = (Delivery.status.not_in(FINAL_STATUSES)) & (
            Delivery.held_reason.is_not(None) | (Delivery.status == "digest")
        )
        state = case((held, "held"), else_=Delivery.status)
        with self.session() as s:
            rows = s.execute(select(state, func.count()).group_by(state))
            return {str(status): int(n) for status, n in rows}

    def last_feed_check(self) -> datetime | None:
        """When any instance last checked a feed: the database's view of the last tick."""
        with self.session() as s:
            return s.scalar(select(func.max(Feed.last_checked_at)))


def _count(s: Session, column: InstrumentedAttribute[Any], *conditions: ColumnElement[bool]) -> int:
    return int(s.scalar(select(func.count(column)).where(*conditions)) or 0)
