"""Compose alerts from what the pipeline found: pure functions, no I/O.

Titles say what changed in one line; bodies say who claims it and where it was read. The
dedup key makes the same alert from the same evidence identical, so that a replay or a restart
that meets it again is recognised and not sent twice.

Every alert gets a severity (`severity_for`), which routes and quiet hours look at:

- urgent: a person reported killed or fled, a place captured, claimed captured, retaken or
  contested (on either side of a change);
- high: any other changed or contested fact (a force size or a casualty count that moved);
- normal: a new fact, a feed that is failing or has gone silent;
- low: a new article, a corroboration, a feed that is back.
"""

from __future__ import annotations

import hashlib
import re

from monitor.records import (
    Alert,
    AlertKind,
    Casualties,
    Change,
    Entry,
    Fact,
    FactValue,
    ForceSize,
    HealthChange,
    Leadership,
    Quote,
    Severity,
    TerritorialControl,
    fact_entities,
)

_KIND_NAMES = {
    "force_size": "Force size",
    "leadership": "Leadership",
    "territorial_control": "Control",
    "casualties": "Casualties",
}
SUMMARY_CHARS = 280


def article_alert(
    entry: Entry,
    watch: str,
    channels: tuple[str, ...],
    canonical: str,
    story_id: int | None,
    entities: tuple[str, ...] = (),
) -> Alert:
    summary = _clip(entry.summary or entry.content, SUMMARY_CHARS)
    return Alert(
        kind="new_article",
        watch=watch,
        title=f"New story: {entry.title or entry.url}",
        body=f"{entry.outlet}: {summary}" if summary else entry.outlet,
        channels=channels,
        evidence=(Quote(entry.title, entry.url, entry.outlet),),
        dedup_key=_key("new_article", watch, canonical),
        story_id=story_id,
        severity=severity_for("new_article"),
        entities=entities,
    )


def fact_alert(
    change: Change, watch: str, channels: tuple[str, ...], story_id: int | None = None
) -> Alert:
    """A new, changed or contested fact, with the evidence for both sides of a change."""
    fact, prior = change.after, change.before
    what = _KIND_NAMES[fact.kind]
    now = describe(fact.value)
    compared = change.kind in ("changed", "contested") and prior is not None
    if compared and prior is not None:
        was = describe_short(prior.value)
        verb = "changed" if change.kind == "changed" else "contested"
        link = "was" if change.kind == "changed" else "against"
        title = f"{what} {verb}: {headline(fact.value)} ({link} {was})"
        before: str | None = f"{describe(prior.value)} — {source(prior)}"
    else:
        title = f"{what}: {headline(fact.value)}"
        before = None
    ev = fact.evidence
    quotes = [Quote(ev.quote, ev.article_url, ev.outlet)]
    if compared and prior is not None and prior.evidence.quote != ev.quote:
        quotes.append(
            Quote(prior.evidence.quote, prior.evidence.article_url, prior.evidence.outlet)
        )
    hedge = " (hedged: not confirmed)" if ev.hedged else ""
    body = f"{now}, according to {source(fact)}{hedge}."
    if change.kind == "contested" and prior is not None:
        body += f" This contradicts {describe_short(prior.value)}, according to {source(prior)}."
    kind = _ALERT_KINDS.get(change.kind, "new_fact")
    values = (fact.value,) if prior is None else (fact.value, prior.value)
    return Alert(
        kind=kind,
        watch=watch,
        title=title,
        body=body,
        channels=channels,
        evidence=tuple(quotes),
        before=before,
        after=f"{now} — {source(fact)}",
        dedup_key=_key(change.kind, watch, *fact.key, repr(fact.value), ev.article_url, ev.quote),
        story_id=story_id,
        severity=severity_for(kind, values),
        fact_kind=fact.kind,
        entities=fact_entities(fact.value),
        change=change,
    )


_ALERT_KINDS: dict[str, AlertKind] = {"changed": "changed", "contested": "contested"}
_GRAVE_FATES = frozenset({"killed", "fled"})
_GRAVE_CONTROL = frozenset({"captured", "claims_captured", "retaken", "contested"})


def severity_for(
    kind: AlertKind, values: tuple[FactValue, ...] = (), *, health: str | None = None
) -> Severity:
    """How urgent an alert is, from its kind and the fact values it compares (the new one and,
    for a change, the one it replaces). See the module docstring for the table."""
    if any(_grave(v) for v in values):
        return "urgent"
    if kind in ("changed", "contested"):
        return "high"
    if kind == "new_fact":
        return "normal"
    if kind == "feed_health":
        return "low" if health == "healthy" else "normal"
    return "low"


def _grave(value: FactValue) -> bool:
    match value:
        case Leadership():
            return value.status in _GRAVE_FATES
        case TerritorialControl():
            return value.status in _GRAVE_CONTROL
        case _:
            return False


def source(fact: Fact) -> str:
    ev = fact.evidence
    return f"{ev.claimed_by} via {ev.outlet}" if ev.claimed_by else ev.outlet


def describe(value: FactValue) -> str:
    """A fact value in words, e.g. "National Resistance Front: about 9,000 fighters"."""
    match value:
        case ForceSize():
            return f"{value.subject}: {_amount(value.min, value.max, value.qualifier)} {value.unit}"
        case Leadership():
            return f"{value.subject}: {_leadership(value)}"
        case TerritorialControl():
            controller = value.controller or "unknown"
            return f"{value.place}: {value.status.replace('_', ' ')} ({controller})"
        case Casualties():
            return f"{value.subject}: {_losses(value)}"


def headline(value: FactValue) -> str:
    """Subject and value, compact: "National Resistance Front ~9,000 fighters"."""
    match value:
        case ForceSize():
            return f"{value.subject} {describe_short(value)} {value.unit}"
        case _:
            return describe(value).replace(": ", " ", 1)


def describe_short(value: FactValue) -> str:
    """The value alone, for "(was ...)": "≤2,500", "~9,000", "declared caretaker president"."""
    match value:
        case ForceSize():
            return _amount(value.min, value.max, value.qualifier, short=True)
        case Leadership():
            return _leadership(value)
        case _:
            return describe(value).split(": ", 1)[-1]


_FATES = {
    "killed": ("reported killed", "reported killed in {}"),
    "fled": ("reported to have fled", "reported to have fled to {}"),
    "located": ("reported located", "reported in {}"),
    "denied": ("reports denied", "reports denied ({})"),
}
_OFFICES = {
    "claimed": "is {}",
    "declared": "declared {}",
    "appointed": "appointed {}",
    "confirmed": "confirmed as {}",
}


def _leadership(value: Leadership) -> str:
    if value.status in _FATES:
        bare, placed = _FATES[value.status]
        return placed.format(value.location) if value.location else bare
    office = value.role or "leader"
    if value.status == "declared":  # "declared self-declared ..." says it twice
        office = _SELF_STYLED.sub("", office).strip() or "leader"
    if value.organization:
        office = f"{office} of {value.organization}"
    return _OFFICES.get(value.status, "{}").format(office)


_SELF_STYLED = re.compile(r"^self-(declared|proclaimed|styled|appointed)\s+", re.I)
_LOSSES = ("killed", "wounded", "captured")


def _losses(value: Casualties) -> str:
    """Every count the report gives ("about 350 killed, at least 40 captured"), where and
    whether it is a running total."""
    counts = []
    for what in _LOSSES:
        low, high = getattr(value, f"{what}_min"), getattr(value, f"{what}_max")
        if (low, high) != (None, None):
            counts.append(f"{_amount(low, high, _count_qualifier(low, high, value))} {what}")
    text = ", ".join(counts) or "losses of unknown size"
    if value.location:
        text += f" in {value.location}"
    return text + (" (running total)" if value.scope == "cumulative" else "")


def _count_qualifier(low: int | None, high: int | None, value: Casualties) -> str:
    """One count's own qualifier: the record's applies to its figures; an open bound says
    "at least" or "at most"; two different bounds are a range."""
    if high is None:
        return "at_least"
    if low is None:
        return "at_most"
    if low != high:
        return "range"
    return "exact" if value.qualifier == "range" else value.qualifier


def _amount(low: int | None, high: int | None, qualifier: str, *, short: bool = False) -> str:
    lo = f"{low:,}" if low is not None else "?"
    hi = f"{high:,}" if high is not None else "?"
    words = {
        "exact": (lo, lo),
        "approx": (f"about {lo}", f"~{lo}"),
        "at_least": (f"at least {lo}", f"≥{lo}"),
        "at_most": (f"at most {hi}", f"≤{hi}"),
        "range": (f"{lo} to {hi}", f"{lo}–{hi}"),
    }
    long_form, short_form = words.get(qualifier, (f"{lo}–{hi}", f"{lo}–{hi}"))
    return short_form if short else long_form


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]


def health_alert(
    feed: str, outlet: str | None, change: HealthChange, channels: tuple[str, ...], since: str
) -> Alert:
    """A source failing for too long, gone quiet, or back. `since` names the episode, so the
    alert is raised once per episode."""
    name = f"{outlet} ({feed})" if outlet and outlet != feed else feed
    verb = {"failing": "is failing", "silent": "has gone silent", "healthy": "is back"}
    return Alert(
        kind="feed_health",
        watch="feed-health",
        title=f"Feed {name} {verb[change.after]}",
        body=f"Feed {name}: {change.reason}.",
        channels=channels,
        before=change.before,
        after=change.after,
        dedup_key=_key("feed_health", feed, change.after, since),
        severity=severity_for("feed_health", health=change.after),
    )
