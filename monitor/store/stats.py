"""Counts for `monitor status` and the /metrics gauges: read-only, a few aggregate queries each,
so that they can run while a daemon writes to the same database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Connection, case, func, select, text
from sqlalchemy.sql import ColumnElement

from monitor.store.db import current_revision, head_revision
from monitor.store.reading import EngineBase
from monitor.store.tables import alerts, articles, deliveries, facts, feeds, stories

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


class StatsQueries(EngineBase):
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
        with self.reading() as c:
            rows = c.execute(
                select(facts.c.change, func.count())
                .where(facts.c.observed_at >= since)
                .group_by(facts.c.change)
            )
            changes = {change: int(n) for change, n in rows}
            sent = deliveries.c.status.in_(("sent", "digested")), deliveries.c.sent_at >= since
            return Activity(
                since=since,
                entries=_count(c, articles.c.id, articles.c.fetched_at >= since),
                stories=_count(c, stories.c.id, stories.c.created_at >= since),
                facts=changes,
                alerts=_count(c, alerts.c.id, alerts.c.created_at >= since),
                sent=_count(c, deliveries.c.id, *sent),
            )

    def delivery_counts_with_held(self) -> dict[str, int]:
        """Outbox rows by state. A row waiting for a reason (quiet hours, a digest, a rate
        limit) counts as `held`, not under its status, so that `pending` is the real queue
        (`delivery_counts` counts by the status column alone)."""
        row_status = deliveries.c.status
        held = row_status.not_in(FINAL_STATUSES) & (
            deliveries.c.held_reason.is_not(None) | (row_status == "digest")
        )
        state = case((held, "held"), else_=row_status)
        with self.reading() as c:
            rows = c.execute(select(state, func.count()).group_by(state))
            return {str(status): int(n) for status, n in rows}

    def last_feed_check(self) -> datetime | None:
        """When any instance last checked a feed: the database's view of the last tick."""
        latest = select(func.max(feeds.c.last_checked_at))
        with self.reading() as c:
            at: datetime | None = c.scalar(latest)
        return at


def _count(c: Connection, column: Column[Any], *conditions: ColumnElement[bool]) -> int:
    return int(c.scalar(select(func.count(column)).where(*conditions)) or 0)
