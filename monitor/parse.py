"""Parse stage: feed bytes -> frozen Entry records with plain text, aware UTC dates and
absolute links. feedparser does the format work (RSS 0.9x/1.0/2.0, Atom, broken XML) on a body
that `monitor.feedsafe` made safe first; selectolax turns the HTML it leaves into text.

Any exception while parsing becomes the feed's `error`: one hostile feed never stops a poll."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import feedparser

from monitor.feedfields import MAX_TITLE, absolute, field_text, make_entry, stable_key
from monitor.feedsafe import MAX_UNZIPPED, gunzip, prepare
from monitor.feedscan import Limits
from monitor.feedtext import html_to_text
from monitor.notfeed import problem
from monitor.records import Entry

__all__ = [
    "MAX_UNZIPPED",
    "Limits",
    "ParsedFeed",
    "absolute",
    "gunzip",
    "html_to_text",
    "parse_feed",
    "stable_key",
]

log = logging.getLogger(__name__)
DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """What a feed document held. `error` is set when the document could not be read as a feed;
    entries that parsed before the error are still returned. `dropped` counts entries beyond
    `Limits.max_entries` that were left out (the newest are kept); `notes` says what was
    repaired or removed on the way (a DTD, a cap)."""

    title: str
    entries: tuple[Entry, ...]
    error: str | None = None
    dropped: int = 0
    notes: tuple[str, ...] = ()
    ttl_seconds: int | None = None  # RSS <ttl>: how long the publisher says to cache the feed


def parse_feed(
    body: bytes,
    *,
    feed: str,
    url: str,
    fetched_at: datetime,
    content_type: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ParsedFeed:
    try:
        return _parse(body, feed, url, fetched_at, content_type, limits)
    except Exception as exc:  # a parser bug on one hostile feed must not stop the others
        log.warning("feed=%s parse failed", feed, exc_info=True)
        return ParsedFeed(feed, (), f"not a feed we could read: {type(exc).__name__}: {exc}")


def _parse(
    body: bytes,
    feed: str,
    url: str,
    fetched_at: datetime,
    content_type: str | None,
    limits: Limits,
) -> ParsedFeed:
    ready = prepare(body, url, content_type, limits)
    if ready.error:
        return ParsedFeed(feed, (), ready.error, notes=ready.notes)
    # Bytes in a file object: a bare str or bytes argument may be opened as a path or URL.
    # sanitize_html and resolve_relative_uris rewrite markup that html_to_text then drops
    # (they cost half the parse time); entry links are made absolute in make_entry.
    parsed: Any = feedparser.parse(
        io.BytesIO(ready.body),
        response_headers=ready.headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    title = field_text(parsed.feed, "title", MAX_TITLE) or feed
    made = (make_entry(raw, feed, title, url, fetched_at) for raw in parsed.entries)
    entries = tuple(e for e in made if e is not None)
    error = problem(parsed, ready.body, entries, url)
    return ParsedFeed(title, entries, error, ready.dropped, ready.notes, _ttl(parsed.feed))


def _ttl(channel: Any) -> int | None:
    """RSS <ttl> in seconds; absent, malformed or absurd values (over a week) count as none."""
    minutes = str(channel.get("ttl", "")).strip()
    if not minutes.isdigit() or not 0 < int(minutes) <= 7 * 24 * 60:
        return None
    return int(minutes) * 60
