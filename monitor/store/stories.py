"""Stories: articles that tell the same story across outlets, and the index that finds them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, func, select, union_all
from sqlalchemy.orm import Session

from monitor.store.base import StoreBase
from monitor.store.models import Article, Story, StoryKey

CANDIDATES = 20

# Statements built once: constructing and caching one costs more than running it on SQLite.
# A copy is the oldest original with the same canonical URL or the same body: one indexed
# lookup per key, the older answer wins. As one `url = ? OR fingerprint = ?` query, SQLite
# walks the duplicate_of index instead (nearly no row is a duplicate): the whole table for
# every new entry.
_ORIGINAL = select(Article.id, Article.story_id).where(Article.duplicate_of.is_(None))
_EITHER = union_all(
    _ORIGINAL.where(Article.canonical_url == bindparam("url"))
    .order_by(Article.id)
    .limit(1)
    .subquery()
    .select(),
    _ORIGINAL.where(Article.fingerprint == bindparam("fingerprint"))
    .order_by(Article.id)
    .limit(1)
    .subquery()
    .select(),
).subquery()
_COPY_OF = select(_EITHER.c.id, _EITHER.c.story_id).order_by(_EITHER.c.id).limit(1)
_KNOWN_TEXTS = select(Article.guid, Article.id, Article.text_hash).where(
    Article.feed_id == bindparam("feed"), Article.guid.in_(bindparam("guids", expanding=True))
)


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
        rows = session.execute(_KNOWN_TEXTS, {"feed": feed_id, "guids": list(guids)})
        return {guid: (article_id, text_hash) for guid, article_id, text_hash in rows}

    def copy_of(
        self, session: Session, canonical_url: str, fingerprint: str | None
    ) -> tuple[int, int | None] | None:
        """The first stored article with this canonical URL or this exact body: (id, story).
        No fingerprint compares as NULL, which matches nothing: the URL alone decides."""
        row = session.execute(_COPY_OF, {"url": canonical_url, "fingerprint": fingerprint})
        found = row.first()
        return None if found is None else (found[0], found[1])

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
