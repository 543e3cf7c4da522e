"""Feed rows: which feeds exist, which are due, and what their last check found."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    BindParameter,
    Executable,
    bindparam,
    case,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from monitor.records import FetchResult
from monitor.store.base import StoreBase
from monitor.store.feed_reads import FeedReads, FeedState, row_state
from monitor.store.models import Feed


@dataclass(frozen=True, slots=True)
class UnchangedCheck:
    """A check that worked and found nothing new (a 304, or the body it had already seen),
    as `record_unchanged` writes it: the body hash, title, ttl, rhythm and entry count stay."""

    name: str
    checked_at: datetime
    status: int | None
    next_check_at: datetime
    poll_interval: float
    health: str
    etag: str | None = None  # new validators, if the answer carried any
    last_modified: str | None = None


class FeedQueries(FeedReads, StoreBase):
    def sync_feeds(self, feeds: Sequence[tuple[str, str, int, bool]], now: datetime) -> None:
        """Make the feeds table follow the configuration: (name, url, interval, enabled).

        Feeds no longer configured are disabled, not deleted, so their articles stay. Several
        instances starting together on one database may add the same new feeds at once: a feed
        another instance has just added is left as it is."""
        configured = {name: (url, interval, enabled) for name, url, interval, enabled in feeds}
        with self.session() as s:
            existing = {f.name: f for f in s.scalars(select(Feed))}
            new = [
                {
                    "name": name,
                    "url": url,
                    "interval_seconds": interval,
                    "enabled": enabled,
                    "next_check_at": now,
                    "error_count": 0,
                    "entries_seen": 0,
                }
                for name, (url, interval, enabled) in configured.items()
                if name not in existing
            ]
            if new:
                s.execute(_insert_new(s.get_bind().dialect.name, new))
            for name, (url, interval, enabled) in configured.items():
                feed = existing.get(name)
                if feed is None:
                    continue
                if feed.url != url:
                    feed.url, feed.etag, feed.last_modified, feed.body_hash = url, None, None, None
                    feed.next_check_at = now
                feed.interval_seconds, feed.enabled = interval, enabled
            for name, feed in existing.items():
                if name not in configured:
                    feed.enabled = False

    def claim_due_feeds(
        self,
        now: datetime,
        lease: timedelta,
        limit: int,
        *,
        instance_id: str,
        due_by: datetime | None = None,
    ) -> list[FeedState]:
        """Lease up to `limit` feeds whose check is due by `due_by` (default `now`) to
        `instance_id` until `now + lease`, in due order, with their state as the claim left it.
        A feed leased to another instance is skipped until that lease runs out; recording the
        check's result releases it.

        One statement claims the whole batch. On PostgreSQL the rows are picked with
        FOR UPDATE SKIP LOCKED, so instances claiming at the same moment never wait on each
        other and never take the same feed; SQLite has one writer at a time, and the same
        UPDATE is atomic there."""
        free = or_(Feed.lease_until.is_(None), Feed.lease_until <= now)
        picked = (
            select(Feed.id)
            .where(Feed.enabled.is_(True), Feed.next_check_at <= (due_by or now), free)
            .order_by(Feed.next_check_at, Feed.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        claim = (
            update(Feed)
            .where(Feed.id.in_(picked.scalar_subquery()), free)
            .values(claimed_by=instance_id, lease_until=now + lease)
            .execution_options(synchronize_session=False)
            .returning(*Feed.__table__.c)
        )
        with self.session() as s:
            rows = sorted(s.execute(claim).all(), key=lambda r: (r.next_check_at, r.id))
        return [row_state(r) for r in rows]

    def renew_feed_leases(self, instance_id: str, now: datetime, lease: timedelta) -> int:
        """Extend to `now + lease` the leases `instance_id` still holds: its checks of those
        feeds are running (a fetch has a deadline, but parsing and extracting what it brought
        has none), so no other instance should take them yet. A lease that has run out is not
        renewed: another instance may have the feed already."""
        with self.session() as s:
            renewed = s.execute(
                update(Feed)
                .where(Feed.claimed_by == instance_id, Feed.lease_until > now)
                .values(lease_until=now + lease)
            )
            return int(renewed.rowcount)  # type: ignore[attr-defined]

    def release_feed_leases(self, instance_id: str) -> int:
        """Give up the feeds `instance_id` holds without having checked them (a clean shutdown),
        so that another instance takes them now rather than when the leases run out."""
        with self.session() as s:
            released = s.execute(
                update(Feed)
                .where(Feed.claimed_by == instance_id)
                .values(claimed_by=None, lease_until=None)
            )
            return int(released.rowcount)  # type: ignore[attr-defined]

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
        notice: str | None = None,
    ) -> None:
        """A check that worked resets the error count and releases the feed's lease. Cache
        validators, the body hash and the measured rhythm are kept unless new ones came (a 304
        carries none). `notice` says what the document needed repaired (a wrong charset label,
        a forbidden character): it is kept as the last error, with no error counted, for as
        long as the same document is served."""
        with self.session() as s:
            feed = s.execute(select(Feed).where(Feed.name == name)).scalar_one()
            feed.last_checked_at = feed.last_success_at = result.fetched_at
            feed.next_check_at = next_check_at
            feed.claimed_by = feed.lease_until = None
            feed.last_status, feed.last_error, feed.error_count = result.status, notice, 0
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

    def record_unchanged(self, checks: Sequence[UnchangedCheck]) -> None:
        """Record checks that found nothing new, a batch in one statement (executemany) and one
        transaction: the same row as `record_success` leaves for them, leases released."""
        if checks:
            with self.session() as s:
                s.connection().execute(_RECORD_UNCHANGED, [_unchanged_params(c) for c in checks])

    def record_failure(
        self,
        name: str,
        *,
        checked_at: datetime,
        next_check_at: datetime,
        status: int | None,
        error: str,
        health: str | None = None,
        new_entries: int = 0,
    ) -> None:
        """Count a failed check and release the feed's lease; the first of a run of failures is
        remembered. `new_entries`: those stored by a check that could not store them all."""
        with self.session() as s:
            feed = s.execute(select(Feed).where(Feed.name == name)).scalar_one()
            feed.last_checked_at, feed.next_check_at = checked_at, next_check_at
            feed.claimed_by = feed.lease_until = None
            feed.last_status, feed.last_error = status, error
            feed.error_count += 1
            feed.first_error_at = feed.first_error_at or checked_at
            feed.health = health or feed.health
            feed.entries_seen += new_entries

    def error_count(self, name: str) -> int:
        with self.session() as s:
            return s.execute(select(Feed.error_count).where(Feed.name == name)).scalar_one()


def _insert_new(dialect: str, rows: list[dict[str, Any]]) -> Executable:
    """INSERT rows, skipping those whose name another instance inserted meanwhile."""
    # Each dialect's module is imported when its database is used (the PostgreSQL one alone
    # costs every SQLite command 20 ms).
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(Feed).values(rows).on_conflict_do_nothing(index_elements=["name"])
    if dialect == "sqlite":
        from sqlalchemy.dialects import sqlite

        return sqlite.insert(Feed).values(rows).on_conflict_do_nothing(index_elements=["name"])
    return insert(Feed).values(rows)


def _typed(name: str, column: str) -> BindParameter[Any]:
    """A bound parameter typed as `column`, so that times go through the UTC column type."""
    return bindparam(name, type_=Feed.__table__.c[column].type)


# What `record_success` does to a feed whose check brought no new body: validators kept unless
# new ones came, the time of the newest entry set only if it was never set, errors cleared (a
# notice about the document, left by a success, stays: the document is the same).
_RECORD_UNCHANGED = (
    update(Feed)
    .where(Feed.name == bindparam("feed"))
    .values(
        last_checked_at=_typed("checked_at", "last_checked_at"),
        last_success_at=_typed("checked_at", "last_success_at"),
        next_check_at=_typed("next_at", "next_check_at"),
        claimed_by=None,
        lease_until=None,
        last_status=bindparam("http_status"),
        last_error=case((Feed.error_count > 0, None), else_=Feed.last_error),
        error_count=0,
        first_error_at=None,
        health=bindparam("health_now"),
        etag=func.coalesce(bindparam("new_etag"), Feed.etag),
        last_modified=func.coalesce(bindparam("new_last_modified"), Feed.last_modified),
        last_new_entry_at=func.coalesce(
            Feed.last_new_entry_at, _typed("checked_at", "last_new_entry_at")
        ),
        poll_interval_seconds=bindparam("interval"),
    )
)


def _unchanged_params(check: UnchangedCheck) -> dict[str, Any]:
    return {
        "feed": check.name,
        "checked_at": check.checked_at,
        "next_at": check.next_check_at,
        "http_status": check.status,
        "health_now": check.health,
        "new_etag": check.etag,
        "new_last_modified": check.last_modified,
        "interval": round(check.poll_interval),
    }
