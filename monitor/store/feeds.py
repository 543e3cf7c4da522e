"""Feed rows: which feeds exist, which are due, and what their last check found."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from monitor.records import FeedTarget, FetchResult
from monitor.store.base import StoreBase
from monitor.store.models import Feed


@dataclass(frozen=True, slots=True)
class FeedState:
    """A feed's row as the CLI shows it."""

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

    @property
    def state(self) -> str:
        """What `monitor feeds` says: disabled, failing, silent, backing off or healthy."""
        if not self.enabled:
            return "file" if self.url.startswith("file:") else "disabled"
        if self.health != "healthy":
            return self.health
        return "backing off" if self.error_count else "healthy"


class FeedQueries(StoreBase):
    def sync_feeds(self, feeds: Sequence[tuple[str, str, int, bool]], now: datetime) -> None:
        """Make the feeds table follow the configuration: (name, url, interval, enabled).

        Feeds no longer configured are disabled, not deleted, so their articles stay."""
        configured = {name: (url, interval, enabled) for name, url, interval, enabled in feeds}
        with self.session() as s:
            existing = {f.name: f for f in s.scalars(select(Feed))}
            for name, (url, interval, enabled) in configured.items():
                feed = existing.get(name)
                if feed is None:
                    s.add(
                        Feed(
                            name=name,
                            url=url,
                            interval_seconds=interval,
                            enabled=enabled,
                            next_check_at=now,
                            error_count=0,
                            entries_seen=0,
                        )
                    )
                    continue
                if feed.url != url:
                    feed.url, feed.etag, feed.last_modified, feed.body_hash = url, None, None, None
                    feed.next_check_at = now
                feed.interval_seconds, feed.enabled = interval, enabled
            for name, feed in existing.items():
                if name not in configured:
                    feed.enabled = False

    def claim_due_feeds(self, now: datetime, lease: timedelta, limit: int) -> list[FeedTarget]:
        """Take the feeds whose check is due, pushing their next check out by `lease` so that a
        second tick (or a second process) does not take them too. Recording the fetch sets the
        real next check."""
        claimed: list[FeedTarget] = []
        with self.session() as s:
            due = s.execute(
                select(
                    Feed.id, Feed.name, Feed.url, Feed.etag, Feed.last_modified, Feed.next_check_at
                )
                .where(Feed.enabled.is_(True), Feed.next_check_at <= now)
                .order_by(Feed.next_check_at, Feed.id)
                .limit(limit)
            ).all()
            for row in due:
                result = s.execute(
                    update(Feed)
                    .where(Feed.id == row.id, Feed.next_check_at == row.next_check_at)
                    .values(next_check_at=now + lease)
                )
                if result.rowcount == 1:  # type: ignore[attr-defined]
                    claimed.append(FeedTarget(row.name, row.url, row.etag, row.last_modified))
        return claimed

    def ensure_feed(self, name: str, url: str, now: datetime) -> None:
        """A feed row for entries that come from files (replay): disabled, so never polled."""
        with self.session() as s:
            if s.execute(select(Feed.id).where(Feed.name == name)).first() is None:
                s.add(
                    Feed(
                        name=name,
                        url=url,
                        interval_seconds=0,
                        enabled=False,
                        next_check_at=now,
                        error_count=0,
                        entries_seen=0,
                    )
                )

    def make_all_due(self, now: datetime) -> None:
        with self.session() as s:
            s.execute(update(Feed).where(Feed.enabled.is_(True)).values(next_check_at=now))

    def feed_id(self, session: Session, name: str) -> int:
        return session.execute(select(Feed.id).where(Feed.name == name)).scalar_one()

    def body_hash(self, name: str) -> str | None:
        with self.session() as s:
            return s.execute(select(Feed.body_hash).where(Feed.name == name)).scalar_one_or_none()

    def record_success(
        self,
        name: str,
        result: FetchResult,
        next_check_at: datetime,
        *,
        body_hash: str | None = None,
        title: str | None = None,
        new_entries: int = 0,
        poll_interval: float | None = None,
        rhythm: float | None = None,
        ttl: int | None = None,
        health: str = "healthy",
    ) -> None:
        """A check that worked resets the error count. Cache validators, the body hash and the
        measured rhythm are kept unless new ones came (a 304 carries none)."""
        with self.session() as s:
            feed = s.execute(select(Feed).where(Feed.name == name)).scalar_one()
            feed.last_checked_at = feed.last_success_at = result.fetched_at
            feed.next_check_at = next_check_at
            feed.last_status, feed.last_error, feed.error_count = result.status, None, 0
            feed.first_error_at, feed.health = None, health
            feed.etag = result.etag or feed.etag
            feed.last_modified = result.last_modified or feed.last_modified
            feed.body_hash = body_hash or feed.body_hash
            feed.title = title or feed.title
            feed.entries_seen += new_entries
            if new_entries or feed.last_new_entry_at is None:
                feed.last_new_entry_at = result.fetched_at
            if poll_interval is not None:
                feed.poll_interval_seconds = round(poll_interval)
            if rhythm is not None:
                feed.rhythm_seconds = round(rhythm)
            if body_hash is not None:  # a new document: its ttl (or its lack of one) counts
                feed.ttl_seconds = ttl

    def record_failure(
        self,
        name: str,
        *,
        checked_at: datetime,
        next_check_at: datetime,
        status: int | None,
        error: str,
        health: str | None = None,
    ) -> None:
        """Count a failed check; the first of a run of failures is remembered."""
        with self.session() as s:
            feed = s.execute(select(Feed).where(Feed.name == name)).scalar_one()
            feed.last_checked_at, feed.next_check_at = checked_at, next_check_at
            feed.last_status, feed.last_error = status, error
            feed.error_count += 1
            feed.first_error_at = feed.first_error_at or checked_at
            feed.health = health or feed.health

    def error_count(self, name: str) -> int:
        with self.session() as s:
            return s.execute(select(Feed.error_count).where(Feed.name == name)).scalar_one()

    def feeds(self) -> list[FeedState]:
        with self.session() as s:
            return [_state(f) for f in s.scalars(select(Feed).order_by(Feed.name))]

    def feed_state(self, name: str) -> FeedState:
        with self.session() as s:
            return _state(s.execute(select(Feed).where(Feed.name == name)).scalar_one())


def _state(f: Feed) -> FeedState:
    return FeedState(
        name=f.name,
        url=f.url,
        title=f.title,
        enabled=f.enabled,
        next_check_at=f.next_check_at,
        last_checked_at=f.last_checked_at,
        last_success_at=f.last_success_at,
        last_status=f.last_status,
        last_error=f.last_error,
        error_count=f.error_count,
        entries_seen=f.entries_seen,
        interval_seconds=f.interval_seconds,
        body_hash=f.body_hash,
        poll_interval_seconds=f.poll_interval_seconds,
        rhythm_seconds=f.rhythm_seconds,
        ttl_seconds=f.ttl_seconds,
        first_error_at=f.first_error_at,
        last_new_entry_at=f.last_new_entry_at,
        health=f.health,
    )
