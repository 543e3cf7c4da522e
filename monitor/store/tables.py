"""Database tables, in SQLAlchemy Core: what the read-only commands query without loading the
ORM (a fifth of their start-up), and what monitor/store/models.py maps its classes onto.

Times are stored as aware UTC datetimes (naive in SQLite, converted on read)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect

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


metadata = MetaData(naming_convention=NAMING)


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


def _when(name: str, *, nullable: bool = False, index: bool = False) -> Column[datetime]:
    return Column(name, UTCDateTime(), nullable=nullable, index=index)


feeds = Table(
    "feeds",
    metadata,
    _id(),
    Column("name", String(200), nullable=False, unique=True),
    Column("url", Text, nullable=False),
    Column("title", Text),
    Column("enabled", Boolean, nullable=False, default=True),
    Column("interval_seconds", Integer, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("body_hash", String(64)),
    _when("next_check_at", index=True),
    _when("last_checked_at", nullable=True),
    _when("last_success_at", nullable=True),
    Column("last_status", Integer),
    Column("last_error", Text),
    Column("error_count", Integer, nullable=False, default=0),
    Column("entries_seen", Integer, nullable=False, default=0),
    # The interval in force now (adapted to the feed's rhythm and the server's hints).
    Column("poll_interval_seconds", Integer),
    # Median gap between the feed's recent items, when it could be measured.
    Column("rhythm_seconds", Integer),
    Column("ttl_seconds", Integer),
    _when("first_error_at", nullable=True),
    _when("last_new_entry_at", nullable=True),
    # healthy | failing | silent: what the user was last told about this feed.
    Column("health", String(20), nullable=False, default="healthy", server_default="healthy"),
    # The instance polling the feed now, and until when its claim holds (a crashed instance's
    # claim runs out and another instance takes the feed).
    Column("claimed_by", String(200)),
    _when("lease_until", nullable=True),
)

articles = Table(
    "articles",
    metadata,
    _id(),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("guid", Text, nullable=False),
    Column("url", Text, nullable=False),
    Column("canonical_url", Text, nullable=False, index=True),
    Column("outlet", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("summary", Text, nullable=False),
    Column("content", Text, nullable=False),
    _when("published"),
    _when("fetched_at", index=True),  # what retention goes by
    Column("matched", Boolean, nullable=False, default=False),
    Column("duplicate_of", Integer, ForeignKey("articles.id"), index=True),
    Column("story_id", Integer, ForeignKey("stories.id"), index=True),
    # Hash of the whole text, to notice an entry updated in place (same GUID, new text).
    Column("text_hash", String(64)),
    # Hash of the normalised body, to notice a verbatim copy under another URL.
    Column("fingerprint", String(64), index=True),
    UniqueConstraint("feed_id", "guid", name="uq_articles_feed_guid"),
)

# One story however many outlets carry it: the first article, then its copies.
stories = Table(
    "stories",
    metadata,
    _id(),
    Column("title", Text, nullable=False),
    _when("created_at", index=True),
    _when("updated_at"),
)

# MinHash LSH band keys of matched articles: how a near-duplicate finds its story through an
# index, whatever the number of stored articles.
story_keys = Table(
    "story_keys",
    metadata,
    Column("key", String(40), primary_key=True),
    Column(
        "article_id",
        Integer,
        ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)

matches = Table(
    "matches",
    metadata,
    _id(),
    Column(
        "article_id",
        Integer,
        ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("watch", String(200), nullable=False),
    Column("terms", JSON, nullable=False),
)

facts = Table(
    "facts",
    metadata,
    _id(),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="SET NULL"), index=True),
    Column("kind", String(40), nullable=False),
    Column("fact_key", Text, nullable=False),
    Column("value", JSON, nullable=False),
    Column("change", String(20), nullable=False),
    Column("quote", Text, nullable=False),
    Column("article_url", Text, nullable=False),
    Column("outlet", Text, nullable=False),
    Column("claimed_by", Text),
    Column("hedged", Boolean, nullable=False),
    _when("published"),
    _when("observed_at"),
    # The story of the fact's article, copied here when retention deletes the article, so that
    # the fact still counts once per independent story. No foreign key: the id is a label.
    Column("story_id", Integer, index=True),
    Index("ix_facts_key_observed", "fact_key", "observed_at"),
)

alerts = Table(
    "alerts",
    metadata,
    _id(),
    Column("dedup_key", String(128), nullable=False, unique=True),
    Column("kind", String(40), nullable=False),
    Column("watch", String(200), nullable=False),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("before", Text),
    Column("after", Text),
    Column("evidence", JSON, nullable=False),
    _when("created_at", index=True),
    Column("story_id", Integer, ForeignKey("stories.id")),
    Column("severity", String(20), nullable=False, default="normal"),
    Column("fact_kind", String(40)),
    Column("entities", JSON, nullable=False, default=list),
    # For a fact alert: the change the diff made, and the facts it compared (fact JSON).
    Column("facts", JSON),
)

# The outbox: one row per (alert, channel), written with the alert, sent later.
deliveries = Table(
    "deliveries",
    metadata,
    _id(),
    Column("alert_id", Integer, ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False),
    Column("channel", String(200), nullable=False),
    Column("status", String(20), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    _when("next_attempt_at"),
    Column("last_error", Text),
    _when("sent_at", nullable=True),
    # Sent with the message where the channel allows (email Message-ID, webhook header), so a
    # resend after a crash between "accepted" and "recorded" carries the same key.
    Column("idempotency_key", String(64), nullable=False, unique=True),
    Column("claimed_by", String(200)),  # instance holding the lease
    _when("lease_until", nullable=True),
    Column("held_reason", String(40)),  # quiet hours, digest, rate limit
    Column("digest_id", Integer, ForeignKey("deliveries.id")),
    UniqueConstraint("alert_id", "channel", name="uq_deliveries_alert_channel"),
    Index("ix_deliveries_status_next", "status", "next_attempt_at"),
)
