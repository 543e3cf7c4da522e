"""The ORM classes of the database tables (monitor/store/tables.py defines the tables; the
read-only commands query those in Core, without loading the ORM). Each class maps its table
as it is; the annotations type the attributes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import DeclarativeBase, Mapped

from monitor.store import tables


class Base(DeclarativeBase):
    metadata = tables.metadata


class Feed(Base):
    __table__ = tables.feeds

    id: Mapped[int]
    name: Mapped[str]
    url: Mapped[str]
    title: Mapped[str | None]
    enabled: Mapped[bool]
    interval_seconds: Mapped[int]
    etag: Mapped[str | None]
    last_modified: Mapped[str | None]
    body_hash: Mapped[str | None]
    next_check_at: Mapped[datetime]
    last_checked_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    last_status: Mapped[int | None]
    last_error: Mapped[str | None]
    error_count: Mapped[int]
    entries_seen: Mapped[int]
    poll_interval_seconds: Mapped[int | None]
    rhythm_seconds: Mapped[int | None]
    ttl_seconds: Mapped[int | None]
    first_error_at: Mapped[datetime | None]
    last_new_entry_at: Mapped[datetime | None]
    health: Mapped[str]
    claimed_by: Mapped[str | None]
    lease_until: Mapped[datetime | None]


class Article(Base):
    __table__ = tables.articles

    id: Mapped[int]
    feed_id: Mapped[int]
    guid: Mapped[str]
    url: Mapped[str]
    canonical_url: Mapped[str]
    outlet: Mapped[str]
    title: Mapped[str]
    summary: Mapped[str]
    content: Mapped[str]
    published: Mapped[datetime]
    fetched_at: Mapped[datetime]
    matched: Mapped[bool]
    duplicate_of: Mapped[int | None]
    story_id: Mapped[int | None]
    text_hash: Mapped[str | None]
    fingerprint: Mapped[str | None]


class Story(Base):
    """One story however many outlets carry it: the first article, then its copies."""

    __table__ = tables.stories

    id: Mapped[int]
    title: Mapped[str]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class StoryKey(Base):
    """MinHash LSH band keys of matched articles: how a near-duplicate finds its story through
    an index, whatever the number of stored articles."""

    __table__ = tables.story_keys

    key: Mapped[str]
    article_id: Mapped[int]


class ArticleMatch(Base):
    __table__ = tables.matches

    id: Mapped[int]
    article_id: Mapped[int]
    watch: Mapped[str]
    terms: Mapped[dict[str, Any]]


class FactRow(Base):
    __table__ = tables.facts

    id: Mapped[int]
    article_id: Mapped[int | None]
    kind: Mapped[str]
    fact_key: Mapped[str]
    value: Mapped[dict[str, Any]]
    change: Mapped[str]
    quote: Mapped[str]
    article_url: Mapped[str]
    outlet: Mapped[str]
    claimed_by: Mapped[str | None]
    hedged: Mapped[bool]
    published: Mapped[datetime]
    observed_at: Mapped[datetime]
    story_id: Mapped[int | None]


class AlertRow(Base):
    __table__ = tables.alerts

    id: Mapped[int]
    dedup_key: Mapped[str]
    kind: Mapped[str]
    watch: Mapped[str]
    title: Mapped[str]
    body: Mapped[str]
    before: Mapped[str | None]
    after: Mapped[str | None]
    evidence: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    story_id: Mapped[int | None]
    severity: Mapped[str]
    fact_kind: Mapped[str | None]
    entities: Mapped[list[str]]
    facts: Mapped[dict[str, Any] | None]


class Delivery(Base):
    """The outbox: one row per (alert, channel), written with the alert, sent later."""

    __table__ = tables.deliveries

    id: Mapped[int]
    alert_id: Mapped[int]
    channel: Mapped[str]
    status: Mapped[str]
    attempts: Mapped[int]
    next_attempt_at: Mapped[datetime]
    last_error: Mapped[str | None]
    sent_at: Mapped[datetime | None]
    idempotency_key: Mapped[str]
    claimed_by: Mapped[str | None]
    lease_until: Mapped[datetime | None]
    held_reason: Mapped[str | None]
    digest_id: Mapped[int | None]
