"""What is known of each feed, as `monitor feeds` and `status` show it and as a claim hands
it to the poller; read with SQLAlchemy Core (monitor/store/reading.py says why)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Row, select

from monitor.records import FeedTarget
from monitor.store.reading import EngineBase
from monitor.store.tables import feeds

if TYPE_CHECKING:
    from monitor.store.models import Feed


@dataclass(frozen=True, slots=True)
class FeedState:
    """A feed's row as the CLI shows it, and as a claim hands it to the poller: everything
    processing a check needs, so that it reads nothing more."""

    name: str
    url: str
    title: str | None
    enabled: bool
    next_check_at: datetime
    last_checked_at: datetime | None
    last_success_at: datetime | None
    last_status: int | None
    last_error: str | None
    error_count: int
    entries_seen: int
    interval_seconds: int
    body_hash: str | None
    poll_interval_seconds: int | None
    rhythm_seconds: int | None
    ttl_seconds: int | None
    first_error_at: datetime | None
    last_new_entry_at: datetime | None
    health: str
    claimed_by: str | None = None  # the instance checking the feed now, if any
    lease_until: datetime | None = None
    etag: str | None = None  # the cache validators the next request sends
    last_modified: str | None = None

    @property
    def target(self) -> FeedTarget:
        return FeedTarget(self.name, self.url, self.etag, self.last_modified)

    @property
    def state(self) -> str:
        """What `monitor feeds` says: disabled, failing, silent, backing off or healthy."""
        if not self.enabled:
            return "file" if self.url.startswith("file:") else "disabled"
        if self.health != "healthy":
            return self.health
        return "backing off" if self.error_count else "healthy"


class FeedReads(EngineBase):
    def feeds(self) -> list[FeedState]:
        with self.reading() as c:
            return [row_state(f) for f in c.execute(select(feeds).order_by(feeds.c.name))]

    def feed_state(self, name: str) -> FeedState:
        with self.reading() as c:
            return row_state(c.execute(select(feeds).where(feeds.c.name == name)).one())


def row_state(f: Feed | Row[Any]) -> FeedState:
    """A feed's state from its ORM object or from a result row of the feeds table (each field
    of FeedState is the column of its name)."""
    return FeedState(**{name: getattr(f, name) for name in _COLUMNS})


_COLUMNS = tuple(field.name for field in fields(FeedState))
