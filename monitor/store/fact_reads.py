"""The facts read so far, as `monitor facts` shows them: every observation, and the value in
force of each; read with SQLAlchemy Core (monitor/store/reading.py says why)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Row, func, select

from monitor.records import Evidence, Fact, fact_value_from_fields
from monitor.store.reading import EngineBase
from monitor.store.tables import articles, facts

if TYPE_CHECKING:
    from monitor.store.models import FactRow


def fact_key(key: tuple[str, ...]) -> str:
    return "|".join(key)


@dataclass(frozen=True, slots=True)
class FactRecord:
    """One observation of a fact: what the diff called it, and the story it came from."""

    fact: Fact
    change: str
    story_id: int | None

    @property
    def story_key(self) -> str:
        return (
            f"story:{self.story_id}" if self.story_id else f"url:{self.fact.evidence.article_url}"
        )


@dataclass(frozen=True, slots=True)
class CurrentFact:
    fact: Fact
    stories: frozenset[str]

    @property
    def sources(self) -> int:
        return len(self.stories)


class FactReads(EngineBase):
    def facts(self, kind: str | None = None) -> list[FactRecord]:
        """Every stored observation with the change it was recorded as, oldest first."""
        story = func.coalesce(articles.c.story_id, facts.c.story_id).label("story")
        query = (
            select(facts, story)
            .outerjoin(articles, articles.c.id == facts.c.article_id)
            .order_by(facts.c.observed_at, facts.c.id)
        )
        if kind:
            query = query.where(facts.c.kind == kind)
        with self.reading() as c:
            return [FactRecord(fact_from_row(r), r.change, r.story) for r in c.execute(query)]

    def current_facts(self) -> list[CurrentFact]:
        """The value in force for each key, with how many independent stories back it: copies
        of one story count once, and a late report of old news does not replace the current
        value."""
        current: dict[str, CurrentFact] = {}
        for record in self.facts():
            key = fact_key(record.fact.key)
            if record.change == "superseded":
                continue
            known = current.get(key)
            if record.change == "corroborated" and known is not None:
                stories = known.stories | {record.story_key}
                current[key] = CurrentFact(known.fact, stories)
            else:
                current[key] = CurrentFact(record.fact, frozenset({record.story_key}))
        return list(current.values())


def fact_from_row(row: FactRow | Row[Any]) -> Fact:
    """A stored fact, from its ORM row or from a result row that selected the same columns."""
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
