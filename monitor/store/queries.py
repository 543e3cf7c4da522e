"""What the pipeline and the CLI ask of the database, as small methods on one Store.

Each method opens its own short transaction, except `ingest`, which hands out one session so that
an article, its matches, its facts, its alerts and their outbox rows are written together or not
at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from monitor.records import (
    Alert,
    AlertKind,
    Entry,
    Evidence,
    Fact,
    FeedTarget,
    Match,
    Quote,
    fact_value_fields,
    fact_value_from_fields,
)
from monitor.store.db import create_db_engine, migrate
from monitor.store.models import AlertRow, Article, ArticleMatch, Delivery, FactRow, Feed


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


@dataclass(frozen=True, slots=True)
class StoredAlert:
    """An alert with its id and the state of each of its deliveries."""

    id: int
    alert: Alert
    created_at: datetime
    deliveries: tuple[tuple[str, str, int, str | None], ...]

    def attempts(self, channel: str) -> int:
        return next((n for c, _s, n, _e in self.deliveries if c == channel), 0)

    def to_json(self) -> dict[str, Any]:
        a = self.alert
        return {
            "id": self.id,
            "kind": a.kind,
            "watch": a.watch,
            "title": a.title,
            "body": a.body,
            "before": a.before,
            "after": a.after,
            "evidence": [{"quote": q.text, "url": q.url, "outlet": q.outlet} for q in a.evidence],
            "channels": list(a.channels),
            "status": _overall_status([d[1] for d in self.deliveries]),
            "deliveries": [
                {"channel": c, "status": s, "attempts": n, "last_error": e}
                for c, s, n, e in self.deliveries
            ],
            "created_at": self.created_at.isoformat(),
        }


def _overall_status(statuses: list[str]) -> str:
    for status in ("failed", "pending"):
        if status in statuses:
            return status
    return "sent" if statuses else "recorded"


def fact_key(key: tuple[str, ...]) -> str:
    return "|".join(key)


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect and apply migrations."""
        engine = create_db_engine(url)
        migrate(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    # feeds -------------------------------------------------------------------------------

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

    def record_fetch(
        self,
        name: str,
        *,
        checked_at: datetime,
        next_check_at: datetime,
        status: int | None,
        error: str | None,
        etag: str | None = None,
        last_modified: str | None = None,
        body_hash: str | None = None,
        title: str | None = None,
        new_entries: int = 0,
    ) -> None:
        """Store the outcome of one check. Cache validators are kept unless new ones came."""
        with self.session() as s:
            feed = s.execute(select(Feed).where(Feed.name == name)).scalar_one()
            feed.last_checked_at, feed.next_check_at = checked_at, next_check_at
            feed.last_status, feed.last_error = status, error
            if error is None:
                feed.error_count = 0
                feed.last_success_at = checked_at
                feed.etag = etag or feed.etag
                feed.last_modified = last_modified or feed.last_modified
                feed.body_hash = body_hash or feed.body_hash
                feed.title = title or feed.title
                feed.entries_seen += new_entries
            else:
                feed.error_count += 1

    def error_count(self, name: str) -> int:
        with self.session() as s:
            return s.execute(select(Feed.error_count).where(Feed.name == name)).scalar_one()

    def feeds(self) -> list[FeedState]:
        with self.session() as s:
            rows = s.scalars(select(Feed).order_by(Feed.name)).all()
            return [
                FeedState(
                    f.name,
                    f.url,
                    f.title,
                    f.enabled,
                    f.next_check_at,
                    f.last_checked_at,
                    f.last_success_at,
                    f.last_status,
                    f.last_error,
                    f.error_count,
                    f.entries_seen,
                    f.interval_seconds,
                    f.body_hash,
                )
                for f in rows
            ]

    # articles, facts, alerts (inside one ingest session) ------------------------------------

    def seen_in_feed(self, session: Session, feed_id: int, guid: str) -> bool:
        """Whether this feed delivered an entry with this GUID before."""
        query = select(Article.id).where(Article.feed_id == feed_id, Article.guid == guid)
        return session.execute(query.limit(1)).first() is not None

    def original_of(self, session: Session, canonical_url: str) -> int | None:
        """The first article stored under this canonical URL, from any feed."""
        query = (
            select(Article.id)
            .where(Article.canonical_url == canonical_url, Article.duplicate_of.is_(None))
            .order_by(Article.id)
            .limit(1)
        )
        return session.execute(query).scalar_one_or_none()

    def add_article(
        self,
        session: Session,
        feed_id: int,
        entry: Entry,
        canonical_url: str,
        matches: Sequence[Match],
        fetched_at: datetime,
        duplicate_of: int | None = None,
    ) -> int:
        """Store an entry; a copy of an article already stored points at it (`duplicate_of`)."""
        article = Article(
            feed_id=feed_id,
            guid=entry.guid,
            url=entry.url,
            canonical_url=canonical_url,
            outlet=entry.outlet,
            title=entry.title,
            summary=entry.summary,
            content=entry.content,
            published=entry.published,
            fetched_at=fetched_at,
            matched=bool(matches),
            duplicate_of=duplicate_of,
        )
        session.add(article)
        session.flush()
        for match in matches:
            terms = {
                "hits": [{"term": h.term, "field": h.field, "entity": h.entity} for h in match.hits]
            }
            session.add(ArticleMatch(article_id=article.id, watch=match.watch, terms=terms))
        return article.id

    def latest_facts(
        self, session: Session, keys: set[tuple[str, ...]]
    ) -> dict[tuple[str, ...], Fact]:
        """The newest fact stored for each key."""
        found: dict[tuple[str, ...], Fact] = {}
        for key in keys:
            row = session.scalars(
                select(FactRow)
                .where(FactRow.fact_key == fact_key(key))
                .order_by(FactRow.observed_at.desc(), FactRow.id.desc())
                .limit(1)
            ).first()
            if row is not None:
                found[key] = _fact_from_row(row)
        return found

    def add_fact(self, session: Session, article_id: int | None, fact: Fact, change: str) -> None:
        ev = fact.evidence
        session.add(
            FactRow(
                article_id=article_id,
                kind=fact.kind,
                fact_key=fact_key(fact.key),
                value=fact_value_fields(fact.value),
                change=change,
                quote=ev.quote,
                article_url=ev.article_url,
                outlet=ev.outlet,
                claimed_by=ev.claimed_by,
                hedged=ev.hedged,
                published=ev.published,
                observed_at=ev.observed_at,
            )
        )

    def add_alert(
        self, session: Session, alert: Alert, now: datetime, *, queue: bool
    ) -> int | None:
        """Store an alert and, when `queue`, one outbox row per channel. Returns None when an
        alert with the same dedup key exists already (it was raised before)."""
        exists = session.execute(select(AlertRow.id).where(AlertRow.dedup_key == alert.dedup_key))
        if exists.first() is not None:
            return None
        evidence = {
            "quotes": [{"text": q.text, "url": q.url, "outlet": q.outlet} for q in alert.evidence],
            "channels": list(alert.channels),
        }
        row = AlertRow(
            dedup_key=alert.dedup_key,
            kind=alert.kind,
            watch=alert.watch,
            title=alert.title,
            body=alert.body,
            before=alert.before,
            after=alert.after,
            evidence=evidence,
            created_at=now,
        )
        session.add(row)
        session.flush()
        if queue:
            for channel in alert.channels:
                session.add(
                    Delivery(
                        alert_id=row.id,
                        channel=channel,
                        status="pending",
                        attempts=0,
                        next_attempt_at=now,
                    )
                )
        return row.id

    # facts and alerts for the CLI and delivery ------------------------------------------

    def facts(self, kind: str | None = None) -> list[tuple[Fact, str]]:
        """Every stored fact with the change it was recorded as, oldest first."""
        with self.session() as s:
            query = select(FactRow).order_by(FactRow.observed_at, FactRow.id)
            if kind:
                query = query.where(FactRow.kind == kind)
            return [(_fact_from_row(r), r.change) for r in s.scalars(query)]

    def current_facts(self) -> list[Fact]:
        """The newest fact for each key."""
        latest: dict[str, Fact] = {}
        for fact, _change in self.facts():
            latest[fact_key(fact.key)] = fact
        return list(latest.values())

    def alerts(self, status: str | None = None, limit: int = 100) -> list[StoredAlert]:
        with self.session() as s:
            rows = s.scalars(select(AlertRow).order_by(AlertRow.id.desc()).limit(limit)).all()
            result = [self._stored_alert(s, row) for row in reversed(rows)]
        if status:
            result = [a for a in result if a.to_json()["status"] == status]
        return result

    def alert(self, alert_id: int) -> StoredAlert | None:
        with self.session() as s:
            row = s.get(AlertRow, alert_id)
            return None if row is None else self._stored_alert(s, row)

    def _stored_alert(self, s: Session, row: AlertRow) -> StoredAlert:
        deliveries = s.execute(
            select(Delivery.channel, Delivery.status, Delivery.attempts, Delivery.last_error)
            .where(Delivery.alert_id == row.id)
            .order_by(Delivery.channel)
        ).all()
        return StoredAlert(
            row.id,
            _alert_from_row(row),
            row.created_at,
            tuple((d[0], d[1], d[2], d[3]) for d in deliveries),
        )

    def due_deliveries(self, now: datetime, limit: int = 100) -> list[tuple[int, str, StoredAlert]]:
        """Outbox rows whose attempt is due: (delivery id, channel, alert)."""
        with self.session() as s:
            rows = s.execute(
                select(Delivery.id, Delivery.channel, Delivery.alert_id)
                .where(Delivery.status == "pending", Delivery.next_attempt_at <= now)
                .order_by(Delivery.id)
                .limit(limit)
            ).all()
            out = []
            for delivery_id, channel, alert_id in rows:
                alert_row = s.get_one(AlertRow, alert_id)
                out.append((delivery_id, channel, self._stored_alert(s, alert_row)))
            return out

    def record_delivery(
        self, delivery_id: int, *, now: datetime, error: str | None, retry_at: datetime | None
    ) -> None:
        """Mark a delivery sent, or count a failed attempt: pending again at `retry_at`, or
        failed for good when `retry_at` is None."""
        with self.session() as s:
            row = s.get_one(Delivery, delivery_id)
            row.attempts += 1
            row.last_error = error
            if error is None:
                row.status, row.sent_at = "sent", now
            elif retry_at is None:
                row.status = "failed"
            else:
                row.next_attempt_at = retry_at

    def pending_count(self) -> int:
        with self.session() as s:
            query = select(func.count()).select_from(Delivery).where(Delivery.status == "pending")
            return s.execute(query).scalar_one()


def _fact_from_row(row: FactRow) -> Fact:
    evidence = Evidence(
        quote=row.quote,
        article_url=row.article_url,
        outlet=row.outlet,
        published=row.published,
        observed_at=row.observed_at,
        claimed_by=row.claimed_by,
        hedged=row.hedged,
    )
    return Fact(fact_value_from_fields(row.kind, dict(row.value)), evidence)


def _alert_from_row(row: AlertRow) -> Alert:
    quotes = tuple(Quote(q["text"], q["url"], q["outlet"]) for q in row.evidence.get("quotes", []))
    return Alert(
        kind=cast(AlertKind, row.kind),
        watch=row.watch,
        title=row.title,
        body=row.body,
        channels=tuple(row.evidence.get("channels", [])),
        evidence=quotes,
        before=row.before,
        after=row.after,
        dedup_key=row.dedup_key,
    )
