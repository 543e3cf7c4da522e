"""Compose one digest alert from the alerts a channel held back: a pure function, no I/O.

The body groups the alerts by story, then by the entity they are about, with a count per group
and each alert's title and link, so that a reader sees at a glance what moved and where to read
it. Alerts that came over the channel's rate limit are listed too, and the digest says how many
they were: nothing is dropped silently.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from monitor.alert.policy import RateLimit, rank
from monitor.records import SEVERITIES, Alert, Severity

OTHER_STORIES = "Other alerts"
NO_ENTITY = "General"
WATCH_CHARS = 200


@dataclass(frozen=True, slots=True)
class DigestItem:
    """One held alert: its id, the alert, the title of its story (if any) and why it was held
    ("digest" or "rate limit")."""

    alert_id: int
    alert: Alert
    story_title: str | None
    held_reason: str | None


def digest_key(channel: str, window_end: datetime) -> str:
    """The dedup key of the digest a channel gets for the window ending at `window_end`: a
    flush that runs twice (a restart, a second instance) finds it and creates nothing."""
    raw = f"digest\x1f{channel}\x1f{window_end.isoformat()}"
    return hashlib.sha256(raw.encode()).hexdigest()[:40]


def compose_digest(
    channel: str, window_end: datetime, items: Sequence[DigestItem], rate: RateLimit | None
) -> Alert:
    """The digest alert for `channel` covering `items` (oldest first)."""
    if not items:
        raise ValueError("a digest needs at least one alert")
    over = sum(1 for i in items if i.held_reason == "rate limit")
    stories = _group(items)
    count = _count(len(items), "alert")
    title = f"Digest: {count} about {_count(len(stories), 'story', 'stories')}"
    if over:
        title += f" ({over} over the rate limit)"
    lines = [f"{count} for {channel}, up to {window_end:%Y-%m-%d %H:%M} UTC."]
    if over:
        limit = f" ({rate.describe()})" if rate is not None else ""
        lines.append(f"{_count(over, 'more alert')} over the rate limit{limit} included below.")
    for story, by_entity in stories.items():
        size = sum(len(group) for group in by_entity.values())
        lines += ["", f"{story} — {_count(size, 'alert')}"]
        for entity, group in by_entity.items():
            lines.append(f"  {entity} — {_count(len(group), 'alert')}")
            lines += [f"    - {_item_line(item)}" for item in group]
    watches = ", ".join(dict.fromkeys(i.alert.watch for i in items))
    return Alert(
        kind="digest",
        watch=watches[:WATCH_CHARS],
        title=title,
        body="\n".join(lines),
        channels=(channel,),
        dedup_key=digest_key(channel, window_end),
        severity=_highest(i.alert.severity for i in items),
        entities=tuple(dict.fromkeys(e for i in items for e in i.alert.entities)),
    )


def _group(items: Sequence[DigestItem]) -> dict[str, dict[str, list[DigestItem]]]:
    """Story -> entity -> items, each in order of first appearance; alerts outside any story
    come last."""
    stories: dict[str, dict[str, list[DigestItem]]] = {}
    for item in sorted(items, key=lambda i: i.story_title is None):
        story = f"Story: {item.story_title}" if item.story_title else OTHER_STORIES
        entity = item.alert.entities[0] if item.alert.entities else NO_ENTITY
        stories.setdefault(story, {}).setdefault(entity, []).append(item)
    return stories


def _item_line(item: DigestItem) -> str:
    alert = item.alert
    link = next((q.url for q in alert.evidence if q.url), None)
    outlet = next((q.outlet for q in alert.evidence if q.outlet), None)
    line = f"[{alert.kind}] {' '.join(alert.title.split())}"
    if outlet:
        line += f" — {outlet}"
    return f"{line} <{link}>" if link else line


def _highest(severities: Iterable[Severity]) -> Severity:
    return max(severities, key=rank, default=SEVERITIES[0])


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"
