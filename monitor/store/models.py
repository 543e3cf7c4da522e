"""Database tables. Times are stored as aware UTC datetimes (naive in SQLite, converted on read)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp that always comes back aware and in UTC, whatever the database keeps."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
    }


class Feed(Base):
    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    interval_seconds: Mapped[int] = mapped_column(Integer)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    body_hash: Mapped[str | None] = mapped_column(String(64))
    next_check_at: Mapped[datetime] = mapped_column(index=True)
    last_checked_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    last_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    entries_seen: Mapped[int] = mapped_column(Integer, default=0)
    # The interval in force now (adapted to the feed's rhythm and the server's hints).
    poll_interval_seconds: Mapped[int | None] = mapped_column(Integer)
    # Median gap between the feed's recent items, when it could be measured.
    rhythm_seconds: Mapped[int | None] = mapped_column(Integer)
    ttl_seconds: Mapped[int | None] = mapped_column(Integer)
    first_error_at: Mapped[datetime | None]
    last_new_entry_at: Mapped[datetime | None]
    # healthy | failing | silent: what the user was last told about this feed.
    health: Mapped[str] = mapped_column(String(20), default="healthy", server_default="healthy")
    # The instance polling the feed now, and until when its claim holds (a crashed instance's
    # claim runs out and another instance takes the feed).
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    lease_until: Mapped[datetime | None]


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (UniqueConstraint("feed_id", "guid", name="uq_articles_feed_guid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    guid: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    canonical_url: Mapped[str] = mapped_column(Text, index=True)
    outlet: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)
    published: Mapped[datetime]
    fetched_at: Mapped[datetime] = mapped_column(index=True)  # what retention goes by
    matched: Mapped[bool] = mapped_column(Boolean, default=False)
    duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("articles.id"), index=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id"), index=True)
    # Hash of the whole text, to notice an entry updated in place (same GUID, new text).
    text_hash: Mapped[str | None] = mapped_column(String(64))
    # Hash of the normalised body, to notice a verbatim copy under another URL.
    fingerprint: Mapped[str | None] = mapped_column(String(64), index=True)


class Story(Base):
    """One story however many outlets carry it: the first article, then its copies."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(index=True)
    updated_at: Mapped[datetime]


class StoryKey(Base):
    """MinHash LSH band keys of matched articles: how a near-duplicate finds its story through
    an index, whatever the number of stored articles."""

    __tablename__ = "story_keys"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ArticleMatch(Base):
    __tablename__ = "matches"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    watch: Mapped[str] = mapped_column(String(200))
    terms: Mapped[dict[str, Any]]


class FactRow(Base):
    __tablename__ = "facts"
    __table_args__ = (Index("ix_facts_key_observed", "fact_key", "observed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(40))
    fact_key: Mapped[str] = mapped_column(Text)
    value: Mapped[dict[str, Any]]
    change: Mapped[str] = mapped_column(String(20))
    quote: Mapped[str] = mapped_column(Text)
    article_url: Mapped[str] = mapped_column(Text)
    outlet: Mapped[str] = mapped_column(Text)
    claimed_by: Mapped[str | None] = mapped_column(Text)
    hedged: Mapped[bool] = mapped_column(Boolean)
    published: Mapped[datetime]
    observed_at: Mapped[datetime]
    # The story of the fact's article, copied here when retention deletes the article, so that
    # the fact still counts once per independent story. No foreign key: the id is a label.
    story_id: Mapped[int | None] = mapped_column(Integer, index=True)


class AlertRow(Base):
    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    dedup_key: Mapped[str] = mapped_column(String(128), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    watch: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(index=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id"))
    severity: Mapped[str] = mapped_column(String(20), default="normal")
    fact_kind: Mapped[str | None] = mapped_column(String(40))
    entities: Mapped[list[str]] = mapped_column(JSON, default=list)
    # For a fact alert: the change the diff made, and the facts it compared (fact JSON).
    facts: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Delivery(Base):
    """The outbox: one row per (alert, channel), written with the alert, sent later."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("alert_id", "channel", name="uq_deliveries_alert_channel"),
        Index("ix_deliveries_status_next", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]
    # Sent with the message where the channel allows (email Message-ID, webhook header), so a
    # resend after a crash between "accepted" and "recorded" carries the same key.
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    claimed_by: Mapped[str | None] = mapped_column(String(200))  # instance holding the lease
    lease_until: Mapped[datetime | None]
    held_reason: Mapped[str | None] = mapped_column(String(40))  # quiet hours, digest, rate limit
    digest_id: Mapped[int | None] = mapped_column(ForeignKey("deliveries.id"))
