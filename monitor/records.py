"""Small frozen records that the pipeline stages hand to each other.

Stages never import each other; they only share these records. Every record is immutable so a
stage cannot change what an earlier stage saw, and every field is plain data so records can be
stored, printed and compared in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from monitor.offices import office_key

FactKind = Literal["force_size", "leadership", "territorial_control", "casualties"]
FACT_KINDS: tuple[FactKind, ...] = ("force_size", "leadership", "territorial_control", "casualties")

Qualifier = Literal["exact", "approx", "at_least", "at_most", "range"]
CasualtyScope = Literal["incident", "cumulative"]
LeadershipStatus = Literal[
    "claimed", "declared", "appointed", "confirmed", "denied", "killed", "fled", "located"
]
ControlStatus = Literal[
    "holds", "captured", "claims_captured", "denies_captured", "surrounded", "contested", "retaken"
]
AlertKind = Literal[
    "new_fact", "changed", "contested", "corroborated", "new_article", "feed_health", "digest"
]
Severity = Literal["low", "normal", "high", "urgent"]
SEVERITIES: tuple[Severity, ...] = ("low", "normal", "high", "urgent")
Health = Literal["healthy", "failing", "silent"]
# What `monitor status` and the /metrics gauges count feeds by.
FEED_STATES = ("healthy", "backing off", "failing", "silent", "disabled", "file")
# Outbox rows still to go out; `held` ones wait for quiet hours, a digest or a rate limit.
QUEUED = ("pending", "sending")
ChangeKind = Literal["new", "changed", "corroborated", "contested", "superseded", "retracted"]


@dataclass(frozen=True, slots=True)
class FeedTarget:
    """What the fetch stage needs to know about one feed, including its HTTP cache state."""

    name: str
    url: str
    etag: str | None = None
    last_modified: str | None = None
    allow_private: bool = False


@dataclass(frozen=True, slots=True)
class FetchResult:
    """The outcome of one HTTP request for a feed. `error` is set when nothing usable came back."""

    feed: str
    url: str
    fetched_at: datetime
    status: int | None = None
    body: bytes | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    retry_after: float | None = None
    error: str | None = None
    cache_seconds: float | None = None  # how long the server says the body stays fresh

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def ok(self) -> bool:
        return self.error is None and self.body is not None


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed item as plain text.

    `published` is an aware UTC datetime (the fetch time if the feed gave none). `guid` is never
    empty: feeds without ids get a stable key from link and title."""

    feed: str
    outlet: str
    guid: str
    url: str
    title: str
    summary: str
    content: str
    published: datetime
    authors: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """Title, summary and content as one text, without repeating a summary the content holds
        (with its line breaks laid out differently: a plain-text description and the HTML
        content of the same words)."""
        parts = [self.title]
        if (
            self.summary
            and self.summary not in self.content
            and not _within(self.summary, self.content)
        ):
            parts.append(self.summary)
        if self.content:
            parts.append(self.content)
        return "\n\n".join(p for p in parts if p)


def _within(part: str, whole: str) -> bool:
    """Whether `part` occurs in `whole` when white space is not counted."""
    return " ".join(part.split()) in " ".join(whole.split())


@dataclass(frozen=True, slots=True)
class Hit:
    """One watch term found in one field of an entry; `entity` names the entity it stands for."""

    term: str
    field: str
    start: int
    end: int
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """A watch that an entry satisfies, with the hits that made it match."""

    watch: str
    hits: tuple[Hit, ...]

    @property
    def entities(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(h.entity for h in self.hits if h.entity))


@dataclass(frozen=True, slots=True)
class EntityRef:
    """An entity from the configuration, as the extractors see it. `short_names` ("Saleh")
    stand for it only in a text that also names it in full (`extract.coref.short`)."""

    name: str
    kind: Literal["person", "group", "place"]
    aliases: tuple[str, ...] = ()
    short_names: tuple[str, ...] = ()
    affiliation: str | None = None  # a person's group: whose forces "he commands"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: the sentence, the article, the outlet, who made the claim."""

    quote: str
    article_url: str
    outlet: str
    published: datetime
    observed_at: datetime
    claimed_by: str | None = None
    hedged: bool = False


@dataclass(frozen=True, slots=True)
class ForceSize:
    """How many fighters a group has. Vague amounts are ranges (`hundreds` is 200-999)."""

    subject: str
    min: int | None
    max: int | None
    qualifier: Qualifier
    unit: str = "fighters"
    kind: FactKind = field(default="force_size", init=False)

    @property
    def key(self) -> tuple[str, ...]:
        return (self.kind, self.subject)

    @property
    def comparable(self) -> tuple[object, ...]:
        return (self.min, self.max, self.qualifier)


@dataclass(frozen=True, slots=True)
class Leadership:
    """A claim about a person's role or fate: declared leader, appointed, killed, fled..."""

    subject: str
    role: str | None
    organization: str | None
    status: LeadershipStatus
    location: str | None = None  # where a person fled to, is, or arrived; None otherwise
    kind: FactKind = field(default="leadership", init=False)

    @property
    def aspect(self) -> str:
        """A person's offices and a person's fate are separate facts: a report that a leader
        fled does not change which office he claims, and each office is its own fact, whatever
        words name it (monitor/offices.py: "military governor" is the governor's office)."""
        if self.status not in _ROLE_STATUSES:
            return "fate"
        return f"role:{office_key(self.role or '') or (self.organization or '').casefold()}"

    @property
    def key(self) -> tuple[str, ...]:
        return (self.kind, self.subject, self.aspect)

    @property
    def comparable(self) -> tuple[object, ...]:
        """Claiming an office and declaring oneself in it are the same claim; being appointed
        or confirmed is news."""
        return ("claimed" if self.status == "declared" else self.status,)


_ROLE_STATUSES = frozenset({"claimed", "declared", "appointed", "confirmed"})


@dataclass(frozen=True, slots=True)
class TerritorialControl:
    """Who holds a place, or who claims to."""

    place: str
    controller: str | None
    status: ControlStatus
    kind: FactKind = field(default="territorial_control", init=False)

    @property
    def key(self) -> tuple[str, ...]:
        return (self.kind, self.place)

    @property
    def comparable(self) -> tuple[object, ...]:
        return (self.controller, self.status)


@dataclass(frozen=True, slots=True)
class Casualties:
    """Killed, wounded and captured counts for one side."""

    subject: str
    killed_min: int | None = None
    killed_max: int | None = None
    wounded_min: int | None = None
    wounded_max: int | None = None
    captured_min: int | None = None
    captured_max: int | None = None
    qualifier: Qualifier = "exact"
    location: str | None = None  # where the losses happened, as the text names it
    scope: CasualtyScope = "incident"  # one incident, or a running total ("since April 2023")
    kind: FactKind = field(default="casualties", init=False)

    @property
    def key(self) -> tuple[str, ...]:
        """Whose losses, and in what: a running total is its own fact; an incident is keyed by
        its place (an incident the text places nowhere is keyed by its article's date too, see
        `Fact.key`). A figure for another scope is another fact, never a change of this one."""
        where = " ".join((self.location or "").casefold().split())
        key = (self.kind, self.subject, self.scope)
        return (*key, where) if where else key

    @property
    def dated(self) -> bool:
        """An incident with no place: only its date tells it from other incidents."""
        return self.scope == "incident" and not (self.location or "").strip()

    @property
    def comparable(self) -> tuple[object, ...]:
        return tuple(getattr(self, f) for f in _CASUALTY_COUNTS)


_CASUALTY_COUNTS = (
    *(f"{what}_{end}" for what in ("killed", "wounded", "captured") for end in ("min", "max")),
    "qualifier",
)


FactValue = ForceSize | Leadership | TerritorialControl | Casualties


@dataclass(frozen=True, slots=True)
class Claim:
    """What an extractor read in a text: a fact value, the sentence it stands in, who claims it
    and whether it is hedged ("reportedly", "is said to"). The pipeline adds the article."""

    value: FactValue
    quote: str
    claimed_by: str | None = None
    hedged: bool = False


@dataclass(frozen=True, slots=True)
class Fact:
    """A fact value with the evidence it was read from."""

    value: FactValue
    evidence: Evidence

    @property
    def kind(self) -> FactKind:
        return self.value.kind

    @property
    def key(self) -> tuple[str, ...]:
        """The value's key; a casualty count of an incident placed nowhere adds the date of
        the article that reports it (one day's fighting is not the next day's)."""
        if isinstance(self.value, Casualties) and self.value.dated:
            return (*self.value.key, self.evidence.published.date().isoformat())
        return self.value.key


@dataclass(frozen=True, slots=True)
class Change:
    """What the diff stage decided about one new fact, given what was known before."""

    kind: ChangeKind
    after: Fact
    before: Fact | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """One piece of evidence in an alert."""

    text: str
    url: str
    outlet: str


@dataclass(frozen=True, slots=True)
class Alert:
    """A message worth sending, before it is rendered for a channel."""

    kind: AlertKind
    watch: str
    title: str
    body: str
    channels: tuple[str, ...]
    evidence: tuple[Quote, ...] = ()
    before: str | None = None
    after: str | None = None
    dedup_key: str = ""
    story_id: int | None = None  # the story the evidence belongs to, when there is one
    severity: Severity = "normal"  # what routing (min severity, quiet-hours bypass) looks at
    fact_kind: FactKind | None = None  # for fact alerts: the kind of fact that changed
    entities: tuple[str, ...] = ()  # the entities the alert is about, for grouping digests
    change: Change | None = None  # for fact alerts: the facts compared (alert JSON: before/after)


_FACT_TYPES: dict[str, type[FactValue]] = {
    "force_size": ForceSize,
    "leadership": Leadership,
    "territorial_control": TerritorialControl,
    "casualties": Casualties,
}


def fact_entities(value: FactValue) -> tuple[str, ...]:
    """The entities a fact is about, used to route it to the watches that follow them."""
    match value:
        case TerritorialControl():
            return (value.place, value.controller) if value.controller else (value.place,)
        case _:
            return (value.subject,)


def fact_value_fields(value: FactValue) -> dict[str, object]:
    """The kind-specific fields of a fact value, as plain JSON-ready data (without `kind`)."""
    return {name: getattr(value, name) for name in value.__dataclass_fields__ if name != "kind"}


def fact_value_from_fields(kind: str, fields: dict[str, object]) -> FactValue:
    """Rebuild a fact value stored with `fact_value_fields`."""
    return _FACT_TYPES[kind](**fields)  # type: ignore[arg-type]


def fact_to_json(fact: Fact) -> dict[str, object]:
    """One fact in the documented JSON shape (DESIGN.md, "Data contracts")."""
    ev = fact.evidence
    return {
        "kind": fact.kind,
        **fact_value_fields(fact.value),
        "claimed_by": ev.claimed_by,
        "hedged": ev.hedged,
        "quote": ev.quote,
        "article_url": ev.article_url,
        "outlet": ev.outlet,
        "published": ev.published.isoformat(),
        "observed_at": ev.observed_at.isoformat(),
    }


# The name an alert gives each change the diff makes (alert JSON `change`).
ALERT_CHANGE_NAMES = {"new": "new_fact"}


def fact_from_json(data: dict[str, object]) -> Fact:
    """Rebuild a fact written by `fact_to_json`."""
    kind = str(data["kind"])
    fields = [name for name in _FACT_TYPES[kind].__dataclass_fields__ if name != "kind"]
    evidence = Evidence(
        quote=str(data["quote"]),
        article_url=str(data["article_url"]),
        outlet=str(data["outlet"]),
        published=datetime.fromisoformat(str(data["published"])),
        observed_at=datetime.fromisoformat(str(data["observed_at"])),
        claimed_by=None if data["claimed_by"] is None else str(data["claimed_by"]),
        hedged=bool(data["hedged"]),
    )
    return Fact(fact_value_from_fields(kind, {name: data[name] for name in fields}), evidence)


def alert_facts_json(alert: Alert) -> dict[str, object]:
    """The facts an alert compares, in the alert JSON contract: `change` (new_fact, changed,
    contested, corroborated), `key`, `before` and `after` as facts (`fact_to_json`), null for
    alerts about no fact; and the rendered lines `before_text`, `after_text`."""
    change = alert.change
    return {
        "change": None if change is None else ALERT_CHANGE_NAMES.get(change.kind, change.kind),
        "key": None if change is None else list(change.after.key),
        "before": None if change is None or change.before is None else fact_to_json(change.before),
        "after": None if change is None else fact_to_json(change.after),
        "before_text": alert.before,
        "after_text": alert.after,
    }


@dataclass(frozen=True, slots=True)
class HealthChange:
    """A transition worth an alert: from one state to another, and why."""

    before: Health
    after: Health
    reason: str
