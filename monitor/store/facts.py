"""Articles, their matches and the facts read from them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from monitor.records import (
    Entry,
    Fact,
    Match,
    fact_value_fields,
)
from monitor.store.base import StoreBase
from monitor.store.fact_reads import CurrentFact as CurrentFact
from monitor.store.fact_reads import FactReads, fact_from_row, fact_key
from monitor.store.fact_reads import FactRecord as FactRecord
from monitor.store.models import Article, ArticleMatch, FactRow, Feed

# The changes whose fact later reports are compared with (monitor/diff.py REFERENCE_CHANGES).
REFERENCE_CHANGES = frozenset({"new", "changed", "contested"})
_BACKING_ROWS = 200  # corroborations counted back to a key's reference fact, at most


class FactQueries(FactReads, StoreBase):
    def unseen_guids(self, feed: str, guids: Sequence[str]) -> set[str]:
        """Which of these GUIDs the feed has not delivered before."""
        with self.session() as s:
            query = (
                select(Article.guid)
                .join(Feed, Feed.id == Article.feed_id)
                .where(Feed.name == feed, Article.guid.in_(guids))
            )
            return set(guids) - set(s.scalars(query))

    def article_entry(self, url: str, canonical: str) -> Entry | None:
        """A stored article, as an Entry, found by its URL or its canonical URL."""
        with self.session() as s:
            row = s.scalars(
                select(Article)
                .where((Article.url == url) | (Article.canonical_url == canonical))
                .order_by(Article.id)
                .limit(1)
            ).first()
            if row is None:
                return None
            feed = s.get_one(Feed, row.feed_id).name
            return Entry(
                feed,
                row.outlet,
                row.guid,
                row.url,
                row.title,
                row.summary,
                row.content,
                row.published,
            )

    def update_article(
        self,
        session: Session,
        article_id: int,
        entry: Entry,
        matches: Sequence[Match],
        text_hash: str,
    ) -> None:
        """An entry updated in place (same GUID, new text): keep the new text and matches."""
        article = session.get_one(Article, article_id)
        article.title, article.summary, article.content = entry.title, entry.summary, entry.content
        article.text_hash, article.matched = text_hash, article.matched or bool(matches)
        session.execute(delete(ArticleMatch).where(ArticleMatch.article_id == article_id))
        self._add_matches(session, article_id, matches)

    def add_article(
        self,
        session: Session,
        feed_id: int,
        entry: Entry,
        canonical_url: str,
        matches: Sequence[Match],
        fetched_at: datetime,
        duplicate_of: int | None = None,
        *,
        story_id: int | None = None,
        text_hash: str | None = None,
        fingerprint: str | None = None,
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
            story_id=story_id,
            text_hash=text_hash,
            fingerprint=fingerprint,
        )
        session.add(article)
        session.flush()
        self._add_matches(session, article.id, matches)
        return article.id

    def _add_matches(self, session: Session, article_id: int, matches: Sequence[Match]) -> None:
        for match in matches:
            hits = [{"term": h.term, "field": h.field, "entity": h.entity} for h in match.hits]
            session.add(
                ArticleMatch(article_id=article_id, watch=match.watch, terms={"hits": hits})
            )

    def story_claims(self, session: Session, story_id: int) -> set[str]:
        """What the articles of one story have claimed so far (see `claim_id`)."""
        rows = session.scalars(
            select(FactRow)
            .join(Article, Article.id == FactRow.article_id)
            .where(Article.story_id == story_id)
        )
        return {claim_id(fact_from_row(row)) for row in rows}

    def reference_facts(
        self, session: Session, keys: set[tuple[str, ...]]
    ) -> dict[tuple[str, ...], KnownFact]:
        """For each key, the newest fact recorded as new, changed or contested (what later
        reports are compared with: corroborations do not move it, old news neither), with the
        number of independent stories that back it (its own and those that corroborated it
        since)."""
        found: dict[tuple[str, ...], KnownFact] = {}
        for key in keys:
            rows = session.execute(
                select(FactRow, Article.story_id)
                .outerjoin(Article, Article.id == FactRow.article_id)
                .where(FactRow.fact_key == fact_key(key), FactRow.change != "superseded")
                .order_by(FactRow.observed_at.desc(), FactRow.id.desc())
                .limit(_BACKING_ROWS)
            )
            stories: set[str] = set()
            for row, story_id in rows:
                stories.add(f"story:{story_id}" if story_id else f"url:{row.article_url}")
                if row.change in REFERENCE_CHANGES:
                    found[key] = KnownFact(fact_from_row(row), len(stories))
                    break
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


def claim_id(fact: Fact) -> str:
    """A claim's identity within a story: what it is about, what it says, who says it."""
    value = fact.value
    return repr((fact.key, value.comparable, fact.evidence.claimed_by))


@dataclass(frozen=True, slots=True)
class KnownFact:
    """The fact a key's next report is compared with, and how many independent stories back
    it."""

    fact: Fact
    sources: int
