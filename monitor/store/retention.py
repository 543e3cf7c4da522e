"""Deleting old articles and their texts, one small batch per transaction.

A batch holds its locks for milliseconds, so pruning a large database never blocks the daemon
(or another instance) for long, and an interrupted prune simply resumes next time.

What goes with an article: its matches, its story index keys, its text and dedup data (they
live on its row). What stays: facts keep their evidence on their own rows (quote, outlet, URL,
dates); before the article goes, each of its facts takes a copy of the article's story id, so
that independent stories are still counted the same way (`monitor facts`). Alerts are kept,
and so is every story that an alert or a fact refers to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, delete, exists, func, or_, select, update
from sqlalchemy.engine import CursorResult, Result
from sqlalchemy.orm import InstrumentedAttribute, Session

from monitor.store.base import StoreBase
from monitor.store.models import AlertRow, Article, ArticleMatch, FactRow, Story, StoryKey

BATCH = 500


@dataclass(frozen=True, slots=True)
class Pruned:
    """How many rows a prune removed (or, in a dry run, would remove)."""

    articles: int = 0
    texts: int = 0
    stories: int = 0

    def __add__(self, other: Pruned) -> Pruned:
        return Pruned(
            self.articles + other.articles, self.texts + other.texts, self.stories + other.stories
        )


@dataclass(frozen=True, slots=True)
class Batch:
    """One batch: rows changed, and the last id looked at (None when nothing is left), from
    which the next batch goes on, so that a prune reads each row once."""

    done: int
    last_id: int | None


class RetentionQueries(StoreBase):
    def prune_articles(self, before: datetime, limit: int = BATCH, after_id: int = 0) -> Batch:
        """Delete up to `limit` articles fetched before `before` (ids above `after_id`)."""
        with self.session() as s:
            ids = _ids(s, Article.id, after_id, limit, Article.fetched_at < before)
            if not ids:
                return Batch(0, None)
            _detach_facts(s, ids)
            s.execute(
                update(Article).where(Article.duplicate_of.in_(ids)).values(duplicate_of=None)
            )
            s.execute(delete(StoryKey).where(StoryKey.article_id.in_(ids)))
            s.execute(delete(ArticleMatch).where(ArticleMatch.article_id.in_(ids)))
            deleted = _rowcount(s.execute(delete(Article).where(Article.id.in_(ids))))
            return Batch(deleted, _next(ids, limit))

    def prune_texts(self, before: datetime, limit: int = BATCH, after_id: int = 0) -> Batch:
        """Empty the summary and content of up to `limit` articles fetched before `before`.
        Their title, URLs, hashes and fingerprint stay, so copies are still recognised."""
        with self.session() as s:
            ids = _ids(s, Article.id, after_id, limit, Article.fetched_at < before, _has_text())
            if not ids:
                return Batch(0, None)
            emptied = update(Article).where(Article.id.in_(ids), _has_text())
            done = _rowcount(s.execute(emptied.values(summary="", content="")))
            return Batch(done, _next(ids, limit))

    def prune_stories(self, before: datetime, limit: int = BATCH, after_id: int = 0) -> Batch:
        """Delete up to `limit` stories last updated before `before` that no article, alert
        or fact refers to any more."""
        with self.session() as s:
            ids = _ids(s, Story.id, after_id, limit, Story.updated_at < before, _unreferenced(None))
            if not ids:
                return Batch(0, None)
            deleted = _rowcount(s.execute(delete(Story).where(Story.id.in_(ids))))
            return Batch(deleted, _next(ids, limit))

    def prunable(self, articles_before: datetime | None, texts_before: datetime | None) -> Pruned:
        """What a prune with these cutoffs would remove now (for --dry-run)."""
        with self.session() as s:
            articles = texts = stories = 0
            if articles_before is not None:
                old = Article.fetched_at < articles_before
                articles = s.scalar(select(func.count(Article.id)).where(old)) or 0
                orphans = select(func.count(Story.id)).where(
                    Story.updated_at < articles_before, _unreferenced(articles_before)
                )
                stories = s.scalar(orphans) or 0
            if texts_before is not None:
                kept = [Article.fetched_at < texts_before, _has_text()]
                if articles_before is not None:
                    kept.append(Article.fetched_at >= articles_before)
                texts = s.scalar(select(func.count(Article.id)).where(*kept)) or 0
            return Pruned(articles, texts, stories)


def _detach_facts(s: Session, ids: Sequence[int]) -> None:
    """Facts of these articles keep the article's story id and lose the article link."""
    story = select(Article.story_id).where(Article.id == FactRow.article_id).scalar_subquery()
    s.execute(
        update(FactRow)
        .where(FactRow.article_id.in_(ids), FactRow.story_id.is_(None))
        .values(story_id=story)
    )
    s.execute(update(FactRow).where(FactRow.article_id.in_(ids)).values(article_id=None))


def _ids(
    s: Session,
    column: InstrumentedAttribute[int],
    after_id: int,
    limit: int,
    *conditions: ColumnElement[bool],
) -> list[int]:
    query = select(column).where(column > after_id, *conditions).order_by(column).limit(limit)
    return list(s.scalars(query))


def _next(ids: Sequence[int], limit: int) -> int | None:
    return ids[-1] if len(ids) == limit else None


def _rowcount(result: Result[Any]) -> int:
    return int(cast(CursorResult[Any], result).rowcount)


def _has_text() -> ColumnElement[bool]:
    return or_(Article.summary != "", Article.content != "")


def _unreferenced(articles_before: datetime | None) -> ColumnElement[bool]:
    """No article is in the story and no alert or fact names it. With `articles_before` (a
    dry run): as it would be after pruning the articles fetched before then, whose facts
    would then name the story."""
    in_story = Article.story_id == Story.id
    alone = ~exists().where(AlertRow.story_id == Story.id) & ~exists().where(
        FactRow.story_id == Story.id
    )
    if articles_before is None:
        return ~exists().where(in_story) & alone
    kept = in_story & (Article.fetched_at >= articles_before)
    with_facts = exists().where(in_story, FactRow.article_id == Article.id)
    return ~exists().where(kept) & ~with_facts & alone
