"""What each page shows, as pure functions of what the store returned: no I/O here, so the
pages are tested on plain records as well as through the server."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from monitor.config import Config, EntityConfig
from monitor.records import Fact, Leadership, TerritorialControl, fact_entities
from monitor.store.facts import CurrentFact, FactRecord
from monitor.store.views import DeliveryLog
from monitor.web.timeline import (
    PlaceTimeline,
    casualties_chart,
    control_timelines,
    force_size_chart,
)


@dataclass(frozen=True, slots=True)
class EntitySummary:
    entity: EntityConfig
    watched_by: tuple[str, ...]
    observations: int
    latest: FactRecord | None


@dataclass(frozen=True, slots=True)
class EntityPage:
    entity: EntityConfig
    watched_by: tuple[str, ...]
    current: tuple[CurrentFact, ...]
    force_size: dict[str, object] | None
    casualties: dict[str, object] | None
    control: tuple[PlaceTimeline, ...]
    leadership: tuple[FactRecord, ...]
    observations: int


def find_entity(config: Config, given: str) -> EntityConfig | None:
    """The configured entity with this name or alias (case-insensitive)."""
    wanted = given.casefold()
    for entity in config.entities:
        if wanted in (n.casefold() for n in (entity.name, *entity.aliases)):
            return entity
    return None


def watched_by(config: Config, entity: EntityConfig) -> tuple[str, ...]:
    return tuple(w.name for w in config.watches if entity.name in w.entities)


def concerns(fact: Fact, name: str) -> bool:
    """A fact is about an entity when the entity is its subject, place or controller, or the
    organization of a leadership claim (who leads the group is news about the group)."""
    value = fact.value
    if name in fact_entities(value):
        return True
    return isinstance(value, Leadership) and value.organization == name


def entity_summaries(
    config: Config, mentions: Mapping[str, tuple[int, FactRecord | None]]
) -> list[EntitySummary]:
    """Watched entities first, then the others, each in configuration order; `mentions` holds
    each entity's number of observations and the latest one."""
    summaries = []
    for entity in config.entities:
        n, latest = mentions.get(entity.name, (0, None))
        summaries.append(EntitySummary(entity, watched_by(config, entity), n, latest))
    return sorted(summaries, key=lambda s: not s.watched_by)


def current_of(records: Sequence[FactRecord]) -> list[CurrentFact]:
    """The value in force of each fact key among `records` (oldest first), as
    `Store.current_facts` works it out for all of them: corroborations add their story, a
    superseded late report changes nothing, anything else replaces the value."""
    current: dict[tuple[str, ...], CurrentFact] = {}
    for record in records:
        key = record.fact.key
        if record.change == "superseded":
            continue
        known = current.get(key)
        if record.change == "corroborated" and known is not None:
            current[key] = CurrentFact(known.fact, known.stories | {record.story_key})
        else:
            current[key] = CurrentFact(record.fact, frozenset({record.story_key}))
    return list(current.values())


def entity_page(config: Config, entity: EntityConfig, records: Sequence[FactRecord]) -> EntityPage:
    """`records`: at least the whole history of every fact key that mentions the entity."""
    current = current_of(records)
    about = [r for r in records if concerns(r.fact, entity.name)]
    subject = [r for r in about if getattr(r.fact.value, "subject", None) == entity.name]
    force = [r for r in subject if r.fact.kind == "force_size"]
    casualties = [r for r in subject if r.fact.kind == "casualties"]
    return EntityPage(
        entity=entity,
        watched_by=watched_by(config, entity),
        current=tuple(c for c in current if concerns(c.fact, entity.name)),
        force_size=force_size_chart(force) if force else None,
        casualties=casualties_chart(casualties) if casualties else None,
        control=tuple(control_timelines(_control_of_places(about, records))),
        leadership=tuple(
            sorted(
                (r for r in about if r.fact.kind == "leadership"),
                key=lambda r: r.fact.evidence.published,
            )
        ),
        observations=len(about),
    )


def _control_of_places(
    about: Sequence[FactRecord], records: Sequence[FactRecord]
) -> list[FactRecord]:
    """Every control observation of the places an entity is involved in (as the place or a
    controller), so that a controller's page also shows who disputes its claims."""
    places = {r.fact.value.place for r in about if isinstance(r.fact.value, TerritorialControl)}
    return [
        r
        for r in records
        if isinstance(r.fact.value, TerritorialControl) and r.fact.value.place in places
    ]


FINAL = ("sent", "failed", "digested")


def delivery_state(d: DeliveryLog) -> str:
    """One word for a delivery as the page shows it: a row waiting for quiet hours, a digest or
    a rate limit is `held`, whatever its status says."""
    if d.status not in FINAL and (d.held_reason or d.status == "digest"):
        return "held"
    return d.status


def delivery_when(d: DeliveryLog) -> tuple[str, datetime | None]:
    """What the time next to a delivery means: when it went out, or when it is next tried."""
    if d.status in ("sent", "digested"):
        return "sent", d.sent_at
    if d.status == "failed":
        return "", None
    if d.status == "digest":
        return "goes out with the channel's next digest", None
    return "next attempt", d.next_attempt_at


STATE_ORDER = ("pending", "sending", "held", "sent", "digested", "failed")


def state_totals(rows: Sequence[tuple[str, str | None, int]]) -> dict[str, int]:
    """Outbox rows per state as the page names them (see `delivery_state`), in a fixed order."""
    totals: dict[str, int] = {}
    for status, held, n in rows:
        state = "held" if status not in FINAL and (held or status == "digest") else status
        totals[state] = totals.get(state, 0) + n
    known = [s for s in STATE_ORDER if s in totals]
    return {s: totals[s] for s in [*known, *sorted(set(totals) - set(known))]}
