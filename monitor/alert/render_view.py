"""What templates see: an alert cleaned for display, with the parts every channel needs.

Templates never get raw feed text. Every string here is one clean line (or, for the body, lines
without control characters); escaping for a markup language is left to the template (Jinja's
autoescape for HTML, the `md` and `slack` filters), and for SMS the whole view is already in
GSM-7 characters, so a template can measure what it writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from monitor.alert.render_text import block, gsm7, line, linkable
from monitor.records import Alert

KIND_LABELS = {
    "new_fact": "New fact",
    "changed": "Changed",
    "contested": "Contested",
    "corroborated": "Corroborated",
    "new_article": "New story",
    "feed_health": "Feed health",
    "digest": "Digest",
}
_SOURCE_MARK = " — "  # compose writes `after` as "value — who via outlet"
_DIGEST_LINK = re.compile(r" <(\S+)>$")
_KIND_TAG = re.compile(r"^\[[a-z_]+\] ")


@dataclass(frozen=True, slots=True)
class RenderContext:
    """What the outbox knows beyond the alert: its id, and every outlet that has carried the
    story so far (the alert's evidence names only the ones quoted)."""

    alert_id: int | None = None
    outlets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteView:
    text: str
    outlet: str
    url: str
    href: str | None  # the URL when it may be a link (absolute http or https), else None


@dataclass(frozen=True, slots=True)
class DigestLine:
    """One line of a digest's body (monitor/alert/digest.py writes a summary, then stories,
    their entities, and one line per alert with its outlet and link)."""

    depth: int  # 0: summary and story headings, 1: entity headings, 2: alerts
    text: str  # the line without its list marker and link
    title: str  # for an alert line: its title alone, without "[kind]" and outlet
    outlet: str
    url: str
    href: str | None  # the URL when it may be a link
    is_item: bool  # an alert line (written as "- ...")
    gap: bool  # a blank line comes before it: a new section starts here


@dataclass(frozen=True, slots=True)
class AlertView:
    """One alert as templates see it (see the module docstring)."""

    id: int | None
    kind: str
    kind_label: str
    severity: str
    watch: str
    title: str
    body: str
    before: str | None
    after: str | None
    source: str  # who said it and where, e.g. "Ali Nazary via Tolo News"; "" when unknown
    evidence: tuple[QuoteView, ...]
    other_outlets: tuple[str, ...]  # outlets that carried the story but are not quoted
    entities: tuple[str, ...]
    fact_kind: str | None
    story_id: int | None
    channel: str  # the first channel the alert names ("" when none): a digest's channel
    digest: tuple[DigestLine, ...]  # a digest's body, line by line; () for other kinds

    @property
    def is_digest(self) -> bool:
        return self.kind == "digest"

    @property
    def items(self) -> tuple[DigestLine, ...]:
        """A digest's alert lines."""
        return tuple(d for d in self.digest if d.is_item)


def alert_view(alert: Alert, context: RenderContext, *, sms: bool = False) -> AlertView:
    """The view of `alert`; with `sms`, every string in GSM-7 characters."""
    one: Callable[[str], str] = gsm7 if sms else line
    quoted = {line(q.outlet) for q in alert.evidence}
    others = tuple(dict.fromkeys(o for o in map(line, context.outlets) if o and o not in quoted))
    body = block(alert.body)
    return AlertView(
        id=context.alert_id,
        kind=alert.kind,
        kind_label=KIND_LABELS.get(alert.kind, alert.kind.replace("_", " ").capitalize()),
        severity=alert.severity,
        watch=one(alert.watch),
        title=one(alert.title),
        body="\n".join(map(one, body.splitlines())) if sms else body,
        before=None if alert.before is None else one(alert.before),
        after=None if alert.after is None else one(alert.after),
        source=one(_source(alert)),
        evidence=tuple(
            QuoteView(one(q.text), one(q.outlet), line(q.url), _href(q.url)) for q in alert.evidence
        ),
        other_outlets=tuple(map(one, others)),
        entities=tuple(map(one, alert.entities)),
        fact_kind=alert.fact_kind,
        story_id=alert.story_id,
        channel=one(alert.channels[0]) if alert.channels else "",
        digest=_digest_lines(alert.body, one) if alert.kind == "digest" else (),
    )


def _source(alert: Alert) -> str:
    """Who made the claim and where: the part of `after` compose wrote after " — ", else the
    first quoted outlet."""
    after = line(alert.after)
    if _SOURCE_MARK in after:
        return after.rsplit(_SOURCE_MARK, 1)[1]
    return line(alert.evidence[0].outlet) if alert.evidence else ""


def _href(url: str) -> str | None:
    url = line(url)
    return url if linkable(url) else None


def _digest_lines(body: str, one: Callable[[str], str]) -> tuple[DigestLine, ...]:
    lines: list[DigestLine] = []
    gap = False
    for raw in body.splitlines():
        text = line(raw)
        if not text:
            gap = bool(lines)
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        is_item = text.startswith(("- ", "* ", "• "))
        text = text[2:] if is_item else text
        link = _DIGEST_LINK.search(text)
        url = link.group(1) if link else ""
        text = text[: link.start()] if link else text
        title, outlet = text, ""
        if is_item and _SOURCE_MARK in text:
            title, outlet = text.rsplit(_SOURCE_MARK, 1)
        title = _KIND_TAG.sub("", title)
        lines.append(
            DigestLine(
                depth=min(indent // 2, 2),
                text=one(text),
                title=one(title),
                outlet=one(outlet),
                url=url,
                href=_href(url),
                is_item=is_item,
                gap=gap,
            )
        )
        gap = False
    return tuple(lines)
