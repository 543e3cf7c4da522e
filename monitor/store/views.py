"""Read-only queries for the web view: the observations of the facts that mention an entity,
stories with their articles, watches and facts, and the alert log with every delivery's state
and times. Nothing here writes."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Row, Text, cast, func, or_, select

from monitor.records import Fact
from monitor.store.base import StoreBase
from monitor.store.fact_reads import FactRecord, fact_from_row
from monitor.store.models import AlertRow, Article, ArticleMatch, Delivery, FactRow, Story


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """One outlet's copy of a story; `original` is the first one stored."""

    outlet: str
    url: str
    title: str
    published: datetime
    original: bool


@dataclass(frozen=True, slots=True)
class StoryFact:
    fact: Fact
    change: str


@dataclass(frozen=True, slots=True)
class StoryDetail:
    id: int
    title: str
    created_at: datetime
    updated_at: datetime
    articles: tuple[StoryArticle, ...]
    watches: tuple[str, ...]
    facts: tuple[StoryFact, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.outlet for a in self.articles))


@dataclass(frozen=True, slots=True)
class DeliveryLog:
    """One (alert, channel) row: the channel by name only, never its URL."""

    id: int
    channel: str
    status: str
    attempts: int
    sent_at: datetime | None
    next_attempt_at: datetime
    held_reason: str | None
    last_error: str | None


@dataclass(frozen=True, slots=True)
class AlertLog:
    id: int
    created_at: datetime
    kind: str
    watch: str
    title: str
    severity: str
    deliveries: tuple[DeliveryLog, ...]


def story_details(store: StoreBase, limit: int = 50) -> list[StoryDetail]:
    """The most recently updated stories, newest first, with four queries whatever `limit`."""
    with store.session() as s:
        stories = s.scalars(
            select(Story).order_by(Story.updated_at.desc(), Story.id.desc()).limit(limit)
        ).all()
        ids = [story.id for story in stories]
        articles = s.execute(
            select(Article.story_id, Article.id, Article.outlet, Article.url, Article.title)
            .add_columns(Article.published)
            .where(Article.story_id.in_(ids))
            .order_by(Article.id)
        ).all()
        story_of = {row.id: row.story_id for row in articles}
        watches = s.execute(
            select(ArticleMatch.article_id, ArticleMatch.watch)
            .where(ArticleMatch.article_id.in_(list(story_of)))
            .order_by(ArticleMatch.id)
        ).all()
        facts = s.execute(
            select(Article.story_id, FactRow)
            .join(Article, Article.id == FactRow.article_id)
            .where(Article.story_id.in_(ids))
            .order_by(FactRow.observed_at, FactRow.id)
        ).all()
    copies: dict[int, list[StoryArticle]] = defaultdict(list)
    for row in articles:
        first = not copies[row.story_id]
        copies[row.story_id].append(
            StoryArticle(row.outlet, row.url, row.title, row.published, first)
        )
    matched: dict[int, dict[str, None]] = defaultdict(dict)
    for article_id, watch in watches:
        matched[story_of[article_id]][watch] = None
    read: dict[int | None, list[StoryFact]] = defaultdict(list)
    for story_id, fact_row in facts:
        read[story_id].append(StoryFact(fact_from_row(fact_row), fact_row.change))
    return [
        StoryDetail(
            story.id,
            story.title,
            story.created_at,
            story.updated_at,
            tuple(copies[story.id]),
            tuple(matched[story.id]),
            tuple(read[story.id]),
        )
        for story in stories
    ]


def alert_log(store: StoreBase, limit: int = 100, status: str | None = None) -> list[AlertLog]:
    """The newest `limit` alerts, newest first, each with its deliveries. With `status`, only
    alerts that have a delivery in that state."""
    query = select(AlertRow).order_by(AlertRow.id.desc()).limit(limit)
    if status:
        in_state = select(Delivery.alert_id).where(Delivery.status == status)
        query = query.where(AlertRow.id.in_(in_state))
    with store.session() as s:
        alerts = s.scalars(query).all()
        rows = s.scalars(
            select(Delivery)
            .where(Delivery.alert_id.in_([a.id for a in alerts]))
            .order_by(Delivery.channel)
        ).all()
    by_alert: dict[int, list[DeliveryLog]] = defaultdict(list)
    for d in rows:
        by_alert[d.alert_id].append(
            DeliveryLog(
                d.id,
                d.channel,
                d.status,
                d.attempts,
                d.sent_at,
                d.next_attempt_at,
                d.held_reason,
                d.last_error,
            )
        )
    return [
        AlertLog(a.id, a.created_at, a.kind, a.watch, a.title, a.severity, tuple(by_alert[a.id]))
        for a in alerts
    ]


def delivery_totals(store: StoreBase) -> list[tuple[str, str | None, int]]:
    """Every outbox row counted by (status, held or not): the page folds them into states."""
    held = Delivery.held_reason.is_not(None)
    with store.session() as s:
        rows = s.execute(
            select(Delivery.status, held, func.count()).group_by(Delivery.status, held)
        ).all()
    return [(status, "held" if is_held else None, int(n)) for status, is_held, n in rows]


_FACT_COLUMNS = (
    FactRow.kind,
    FactRow.value,
    FactRow.change,
    FactRow.quote,
    FactRow.article_url,
    FactRow.outlet,
    FactRow.claimed_by,
    FactRow.hedged,
    FactRow.published,
    FactRow.observed_at,
    func.coalesce(Article.story_id, FactRow.story_id).label("story"),
)


def _mentions(name: str) -> ColumnElement[bool]:
    """The stored JSON of a fact names `name` as a whole value (the same serialiser wrote it)."""
    return cast(FactRow.value, Text).contains(json.dumps(name), autoescape=True)


def mentions_of(store: StoreBase, name: str) -> tuple[int, FactRecord | None]:
    """How many observations name an entity, and the latest published of them."""
    with store.session() as s:
        n = s.scalar(select(func.count()).select_from(FactRow).where(_mentions(name))) or 0
        latest = s.execute(
            select(*_FACT_COLUMNS)
            .outerjoin(Article, Article.id == FactRow.article_id)
            .where(_mentions(name))
            .order_by(FactRow.published.desc(), FactRow.id.desc())
            .limit(1)
        ).first()
    return int(n), None if latest is None else _record(latest)


def facts_mentioning(store: StoreBase, names: Sequence[str]) -> list[FactRecord]:
    """Every observation, oldest first, of each fact (key) that any observation mentions one
    of `names` in: the whole history of those keys, so that the value in force can be worked
    out, and a superset of what concerns the names (the caller filters exactly).

    Facts are never deleted, so this avoids reading them all: names are found in the stored
    JSON text (the same serialiser wrote it), and only plain columns are loaded."""
    if not names:
        return []
    keys = select(FactRow.fact_key).where(or_(*(_mentions(n) for n in names))).distinct()
    query = (
        select(*_FACT_COLUMNS)
        .outerjoin(Article, Article.id == FactRow.article_id)
        .where(FactRow.fact_key.in_(keys))
        .order_by(FactRow.observed_at, FactRow.id)
    )
    with store.session() as s:
        return [_record(row) for row in s.execute(query)]


def _record(row: Row[tuple[object, ...]]) -> FactRecord:
    return FactRecord(fact_from_row(row), row.change, row.story)
