"""Stories: articles that tell the same story across outlets, and the index that finds them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from monitor.store.base import StoreBase
from monitor.store.models import Article, Story, StoryKey

CANDIDATES = 20


@dataclass(frozen=True, slots=True)
class StorySummary:
    """A story as `monitor stories` shows it."""

    id: int
    title: str
    created_at: datetime
    updated_at: datetime
    articles: int
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoredText:
    """The text of a stored article, for near-duplicate verification."""

    article_id: int
    story_id: int | None
    title: str
    summary: str
    content: str


class StoryQueries(StoreBase):
    def known_texts(
        self, session: Session, feed_id: int, guids: Sequence[str]
    ) -> dict[str, tuple[int, str | None]]:
        """For the GUIDs this feed delivered before: (article id, text hash)."""
        rows = session.execute(
            select(Article.guid, Article.id, Article.text_hash).where(
                Article.feed_id == feed_id, Article.guid.in_(guids)
            )
        )
        return {guid: (article_id, text_hash) for guid, article_id, text_hash in rows}

    def copy_of(
        self, session: Session, canonical_url: str, fingerprint: str | None
    ) -> tuple[int, int | None] | None:
        """The first stored article with this canonical URL or this exact body: (id, story)."""
        condition = Article.canonical_url == canonical_url
        if fingerprint is not None:
            condition = condition | (Article.fingerprint == fingerprint)
        row = session.execute(
            select(Article.id, Article.story_id)
            .where(condition, Article.duplicate_of.is_(None))
            .order_by(Article.id)
            .limit(1)
        ).first()
        return None if row is None else (row[0], row[1])

    def story_candidates(
        self, session: Session, keys: Sequence[str], since: datetime
    ) -> list[StoredText]:
        """Recent articles that share an index key with a text: the few worth verifying."""
        if not keys:
            return []
        ids = (
            select(StoryKey.article_id)
            .where(StoryKey.key.in_(keys))
            .group_by(StoryKey.article_id)
            .order_by(func.count().desc(), StoryKey.article_id.desc())
            .limit(CANDIDATES * 4)
            .subquery()
        )
        rows = session.execute(
            select(Article.id, Article.story_id, Article.title, Article.summary, Article.content)
            .where(Article.id.in_(select(ids.c.article_id)), Article.fetched_at >= since)
            .limit(CANDIDATES)
        )
        return [StoredText(*row) for row in rows]

    def find_story(
        self,
        session: Session,
        keys: Sequence[str],
        since: datetime,
        same: Callable[[StoredText], bool],
    ) -> int | None:
        for candidate in self.story_candidates(session, keys, since):
            if candidate.story_id is not None and same(candidate):
                return candidate.story_id
        return None

    def new_story(self, session: Session, title: str, now: datetime) -> int:
        story = Story(title=title, created_at=now, updated_at=now)
        session.add(story)
        session.flush()
        return story.id

    def set_story(self, session: Session, article_id: int, story_id: int) -> None:
        session.get_one(Article, article_id).story_id = story_id

    def touch_story(self, session: Session, story_id: int, now: datetime) -> None:
        session.get_one(Story, story_id).updated_at = now

    def add_story_keys(self, session: Session, article_id: int, keys: Sequence[str]) -> None:
        session.add_all(StoryKey(key=key, article_id=article_id) for key in dict.fromkeys(keys))

    def story_outlets(self, session: Session, story_id: int) -> tuple[str, ...]:
        rows = session.scalars(
            select(Article.outlet).where(Article.story_id == story_id).order_by(Article.id)
        )
        return tuple(dict.fromkeys(rows))

    def stories(self, limit: int = 50) -> list[StorySummary]:
        """The most recently updated stories, newest first."""
        with self.session() as s:
            rows = s.scalars(
                select(Story).order_by(Story.updated_at.desc(), Story.id.desc()).limit(limit)
            )
            out = []
            for story in rows:
                count = s.scalar(select(func.count()).where(Article.story_id == story.id)) or 0
                out.append(
                    StorySummary(
                        story.id,
                        story.title,
                        story.created_at,
                        story.updated_at,
                        count,
                        self.story_outlets(s, story.id),
                    )
                )
            return out
